//! Name-based uuids, version 5 (RFC 4122 section 4.3 / RFC 9562 section 5.5): the SHA-1 of a
//! namespace uuid followed by a name, stamped with the version and variant bits.
//!
//! Hand-written for size, like `date.rs`: the Wasm module has a 60 KiB gzipped budget; measured
//! against 128-bit FNV stand-in uuids, the `uuid` crate's `v5` feature (with `sha1_smol`) added
//! 1,594 bytes (gzip -9) to the module, this file 693. `tests/oscal.rs` checks it against the
//! `uuid` crate at every padding boundary and on random namespaces and names; the tests below,
//! SHA-1 against FIPS 180 vectors.

/// A uuid as its 16 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Uuid(pub [u8; 16]);

impl Uuid {
    /// RFC 4122's namespace for names that are URLs: `6ba7b811-9dad-11d1-80b4-00c04fd430c8`.
    pub const NAMESPACE_URL: Uuid = Uuid([
        0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30,
        0xc8,
    ]);

    /// The version-5 uuid of `name` in `namespace`.
    pub fn new_v5(namespace: &Uuid, name: &[u8]) -> Uuid {
        let hash = sha1(&[&namespace.0, name]);
        let mut bytes = [0u8; 16];
        for (b, h) in bytes.iter_mut().zip(hash) {
            *b = h;
        }
        bytes[6] = (bytes[6] & 0x0f) | 0x50;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        Uuid(bytes)
    }

    /// The canonical lower-case text, `xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx`.
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(36);
        for (i, byte) in self.0.into_iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                out.push('-');
            }
            for nibble in [byte >> 4, byte & 0xf] {
                out.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
            }
        }
        out
    }
}

/// SHA-1 (FIPS 180-4) of the concatenation of `parts`.
pub fn sha1(parts: &[&[u8]]) -> [u8; 20] {
    let mut message: Vec<u8> = parts.concat();
    let bits = u64::try_from(message.len())
        .unwrap_or(u64::MAX)
        .wrapping_mul(8);
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&bits.to_be_bytes());

    let mut h: [u32; 5] = [
        0x6745_2301,
        0xefcd_ab89,
        0x98ba_dcfe,
        0x1032_5476,
        0xc3d2_e1f0,
    ];
    for block in message.chunks_exact(64) {
        // The message schedule as a window of the last 16 words: w[0] is W[t-16].
        let mut w = [0u32; 16];
        for (word, bytes) in w.iter_mut().zip(block.chunks_exact(4)) {
            *word = <[u8; 4]>::try_from(bytes).map_or(0, u32::from_be_bytes);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for t in 0..80 {
            let word = if t < 16 {
                w[0]
            } else {
                (w[13] ^ w[8] ^ w[2] ^ w[0]).rotate_left(1)
            };
            w.rotate_left(1);
            w[15] = word;
            let (f, k) = match t / 20 {
                0 => ((b & c) | (!b & d), 0x5a82_7999),
                1 => (b ^ c ^ d, 0x6ed9_eba1),
                2 => ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc),
                _ => (b ^ c ^ d, 0xca62_c1d6),
            };
            let temp = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(word);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = temp;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (chunk, word) in out.chunks_exact_mut(4).zip(h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha1_matches_fips_180_vectors() {
        assert_eq!(
            hex(&sha1(&[b"abc"])),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(
            hex(&sha1(&[b""])),
            "da39a3ee5e6b4b0d3255bfef95601890afd80709"
        );
        assert_eq!(
            hex(&sha1(&[
                b"abcdbcdecdefdefgefghfghighij",
                b"hijkijkljklmklmnlmnomnopnopq"
            ])),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
        let million = vec![b'a'; 1_000_000];
        assert_eq!(
            hex(&sha1(&[&million])),
            "34aa973cd4c4daa4f61eeb2bdbad27316534016f"
        );
    }

    #[test]
    fn v5_matches_rfc_examples() {
        // RFC 9562 appendix A.4: "www.example.com" in the DNS namespace.
        let dns = Uuid([
            0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4,
            0x30, 0xc8,
        ]);
        assert_eq!(
            Uuid::new_v5(&dns, b"www.example.com").text(),
            "2ed6657d-e927-568b-95e1-2665a8aea6a2"
        );
    }
}
