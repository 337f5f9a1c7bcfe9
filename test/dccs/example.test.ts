/**
 * The dccs-2025 worked example (docs/spec/dccs-2025.md, "Worked example"): exactly the errors
 * dvc.ratio and bqd.le and the warnings dth.parts and ttnd.members, nothing from group 9 and
 * nothing else (no info), from the JSON and from the workbook `init --data` makes; the
 * report reads as a 2026 commune's report; the CLI says the template is a draft.
 */
import * as fs from "fs";
import { run, checkJson, tmp, cleanup, rules } from "../workbook/helpers";
import { EXAMPLE_PATH } from "./helpers";

afterAll(cleanup);

const DRAFT = "Bản nháp — cơ quan tổng hợp điều chỉnh theo đề cương của mình";
const GROUP9 = ["dn_tong", "dn_hoi_nghi_nld", "dn_doi_thoai", "dn_quy_che"];

function expectSpecFindings(result: { template: string; findings: { rule: string; severity: string; indicators: string[] }[]; summary: Record<string, unknown> }) {
  expect(result.template).toBe("dccs-2025");
  expect(rules(result.findings, "error")).toEqual(["bqd.le", "dvc.ratio"]);
  expect(rules(result.findings, "warning")).toEqual(["dth.parts", "ttnd.members"]);
  expect(rules(result.findings, "info")).toEqual([]);
  expect(result.findings).toHaveLength(4);
  expect(result.summary).toMatchObject({ errors: 2, warnings: 2, infos: 0 });
  for (const f of result.findings) for (const c of f.indicators) expect(GROUP9).not.toContain(c);
}

test("from the JSON: exactly the spec's four findings", async () => {
  const { code, result, err } = await checkJson(EXAMPLE_PATH);
  expect(code).toBe(1);
  expectSpecFindings(result);
  const ratio = result.findings.find((f) => f.rule === "dvc.ratio");
  expect(ratio.message).toContain("58/120 = 48,3333%");
  expect(ratio.message).toContain("48,3%");
  expect(ratio.expected).toBe(48.3);
  const bqd = result.findings.find((f) => f.rule === "bqd.le");
  expect(bqd.values).toEqual({ bqd_noi_dung: 5, bqd_thong_qua: 6 });
  const ttnd = result.findings.find((f) => f.rule === "ttnd.members");
  expect(ttnd.expected).toBe(5);
  // The draft marking is a notice on stderr, never a finding.
  expect(err).toContain(DRAFT);
  expect(result.findings.some((f) => f.message.includes("Bản nháp"))).toBe(false);
});

test("from the .xlsx made by init --data: the same findings, at the cells", async () => {
  const file = tmp("tan-lap.xlsx");
  const init = await run("init", file, "--data", EXAMPLE_PATH);
  expect(init.code).toBe(0);
  expect(init.out).toContain("dccs-2025");
  expect(init.err).toContain(DRAFT);
  const { code, result } = await checkJson(file);
  expect(code).toBe(1);
  expectSpecFindings(result);
  for (const f of result.findings) expect(f.cells && f.cells[0]).toMatch(/^'Phụ lục'!E\d+$/);
});

test("the report reads as a 2026 commune's report", async () => {
  const out = tmp("tan-lap.txt");
  const r = await run("report", EXAMPLE_PATH, "-o", out);
  expect(r.code).toBe(0);
  expect(r.err).toContain(DRAFT);
  const text = fs.readFileSync(out, "utf8");
  expect(text).not.toMatch(/covid/i);
  expect(text).not.toMatch(/cấp huyện/i);
  expect(text).not.toMatch(/quy chế dân chủ ở cơ sở/i);
  expect(text).toContain("toàn trình");
  expect(text).toContain("báo cáo kết quả thực hiện dân chủ ở cơ sở năm 2026");
  expect(text).toContain("Có 11/12 thôn, tổ dân phố đã tổ chức hội nghị cộng đồng dân cư định kỳ, đạt tỷ lệ 91,7%");
  expect(text).toContain("hình thức trực tiếp 01 cuộc và trực tuyến hoặc qua mạng xã hội 01 cuộc");
  // Group 9 is blank: not applicable, no sentence and no heading.
  expect(text).not.toMatch(/doanh nghiệp/i);
  expect(text).toContain("8. Thực hiện dân chủ ở cơ quan, đơn vị:");
  expect(text).not.toContain("9. ");
});

test("a qcdc-2021 report says nothing of a draft", async () => {
  const r = await run("check", EXAMPLE_PATH.replace("xa-tan-lap-2026", "son-la-skhcn-2021"), "--json");
  expect(r.err).not.toContain("Bản nháp");
});

describe("init offers both templates, dccs-2025 by default", () => {
  test("no --template: dccs-2025", async () => {
    const file = tmp("moi.xlsx");
    const r = await run("init", file);
    expect(r.code).toBe(0);
    expect(r.out).toContain("mẫu dccs-2025");
    expect(r.err).toContain(DRAFT);
    const { result } = await checkJson(file);
    expect(result.template).toBe("dccs-2025");
    expect(result.summary.errors).toBe(0);
  });
  test("--template qcdc-2021 still works", async () => {
    const file = tmp("cu.xlsx");
    const r = await run("init", file, "--template", "qcdc-2021");
    expect(r.code).toBe(0);
    expect(r.out).toContain("mẫu qcdc-2021");
    expect(r.err).not.toContain("Bản nháp");
    const { result } = await checkJson(file);
    expect(result.template).toBe("qcdc-2021");
  });
  test("--data uses the data's template", async () => {
    const file = tmp("theo-du-lieu.xlsx");
    const r = await run("init", file, "--data", EXAMPLE_PATH.replace("xa-tan-lap-2026", "son-la-skhcn-2021"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("mẫu qcdc-2021");
  });
  test("help names both", async () => {
    const r = await run("init", "--help");
    expect(r.out).toContain("dccs-2025");
    expect(r.out).toContain("qcdc-2021");
  });
});
