import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import schema from "@/lib/ninjs/schema/ninjs-schema_2.1.json";

// For tests (ajv is a dev dependency): checks a NINJS document against IPTC's own schema, with
// its formats (uri, date-time) enforced. Ajv's default strictness: its stricter lint ("strictRequired")
// objects to how IPTC wrote contactinfo's oneOf, which is valid JSON Schema.

/**
 * The schema's places[].geojson points at https://geojson.org/schema/GeoJSON.json, which is not
 * committed and not fetched. We never write geojson, so a stand-in that accepts no value keeps
 * the schema compilable offline and makes any geojson we might start writing fail loudly.
 */
const geojsonStandIn = { $id: "https://geojson.org/schema/GeoJSON.json", not: {} };

export function ninjsValidator() {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  ajv.addSchema(geojsonStandIn);
  const validate = ajv.compile(schema);
  return (document: unknown) => ({ valid: validate(document) as boolean, errors: ajv.errorsText(validate.errors, { separator: "\n" }) });
}
