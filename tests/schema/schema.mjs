// The published JSON Schema (schema/assessment.schema.json) as a validator: ajv (draft 2020-12)
// with ajv-formats for `date`, and schemars' integer formats (uint8, uint32) checked as ranges.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';

export const SCHEMA = JSON.parse(readFileSync('schema/assessment.schema.json', 'utf8'));

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
ajv.addFormat('uint8', { type: 'number', validate: (n) => Number.isInteger(n) && n >= 0 && n <= 255 });
ajv.addFormat('uint32', { type: 'number', validate: (n) => Number.isInteger(n) && n >= 0 && n <= 4294967295 });
const validator = ajv.compile(SCHEMA);

/** The schema's errors for `doc` (an object or JSON text), as "path message" lines; [] when valid. */
export function schemaErrors(doc) {
  const value = typeof doc === 'string' ? JSON.parse(doc) : doc;
  return validator(value) ? [] : validator.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
}
