// The OSCAL set as one download: a ZIP of the four documents (catalog, SSP, assessment plan,
// results), which name each other by relative hrefs and so belong side by side. Imported on the
// first OSCAL export only (its own chunk); fflate writes the archive.
import { strToU8, zipSync } from 'fflate';

/** A ZIP of `files` ([{ name, text }]), every entry dated `generatedAt` (same input, same bytes). */
export function zipOscalSet(files, generatedAt) {
  const mtime = new Date(generatedAt);
  return zipSync(Object.fromEntries(files.map((f) => [f.name, [strToU8(f.text), { mtime }]])), { level: 9 });
}
