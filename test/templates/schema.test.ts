/**
 * The JSON Schema editors use (docs/spec/template.schema.json) agrees with the templates:
 * every built-in template and the province's own form are valid; the mistakes a schema can
 * see are refused with their path.
 */
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import { listTemplates } from "../../src/core/templates/index";

const ROOT = path.join(__dirname, "..", "..");
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "docs", "spec", "template.schema.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const province = JSON.parse(fs.readFileSync(path.join(ROOT, "test", "fixtures", "tinh-mau-2026.json"), "utf8"));

const errorsOf = (x: unknown) => (validate(x) ? [] : (validate.errors ?? []).map((e) => e.instancePath + " " + e.message));

test.each(listTemplates().map((t) => [t.id, t] as const))("built-in %s is valid against the schema", (_id, t) => {
  expect(errorsOf(JSON.parse(JSON.stringify(t)))).toEqual([]);
});

test("the province's own form is valid against the schema", () => {
  expect(errorsOf(province)).toEqual([]);
});

test("what the schema can see: wrong format, a code with a space, an unknown kind, a ratio without denominator", () => {
  const t = JSON.parse(JSON.stringify(province));
  t.format = "phuluc-template/2";
  t.indicators[0].code = "van ban";
  t.indicators[1].kind = "number";
  t.rules.push({ id: "x", kind: "ratio", severity: "error", ratio: "dvc_ty_le_ho_so", numerator: ["dvc_toan_trinh"] });
  const errs = errorsOf(t).join("\n");
  expect(errs).toContain("/format");
  expect(errs).toContain("/indicators/0/code");
  expect(errs).toContain("/indicators/1/kind");
  expect(errs).toContain("/rules/2 must have required property 'denominator'");
});
