//! `soc2-readiness`: the engine on the command line, for scripts and CI pipelines.
//! Run `soc2-readiness --help` for usage.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The CLI is native only; in Wasm the engine is reached through its JS bindings.
#[cfg(target_arch = "wasm32")]
fn main() {}
