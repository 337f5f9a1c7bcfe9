/** `phuluc merge`: folders of workbooks and JSON, refusals, exit codes, the unit list, the outputs. */
import * as fs from "fs";
import * as path from "path";
import { planWorkbook } from "../../src/core/sheet-plan";
import { writePlan } from "../../src/cli/xlsx";
import { getTemplate } from "../../src/core/templates/index";
import { decodeCsv } from "../../src/cli/merge";
import type { ReportData } from "../../src/core/types";
import { run, tmp, cleanup, checkJson } from "../workbook/helpers";
import { unit } from "./helpers";

afterAll(cleanup);

function folder(name: string): string {
  const d = tmp(name);
  fs.mkdirSync(d);
  return d;
}

async function workbook(dir: string, name: string, data: ReportData): Promise<string> {
  const f = path.join(dir, name);
  await writePlan(planWorkbook(getTemplate(data.template)!, data), f);
  return f;
}

function json(dir: string, name: string, data: unknown): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, JSON.stringify(data));
  return f;
}

/** Windows-1258 bytes of a text (what Excel's "CSV" gives on a Vietnamese Windows): the decoder inverted. */
function encode1258(text: string): Buffer {
  const dec = new TextDecoder("windows-1258");
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const c = dec.decode(Uint8Array.of(b));
    if (!map.has(c)) map.set(c, b);
  }
  const out: number[] = [];
  for (const ch of text.normalize("NFC")) {
    if (map.has(ch)) {
      out.push(map.get(ch)!);
      continue;
    }
    const d = [...ch.normalize("NFD")];
    let base = d.shift()!;
    // Compose the base with the marks the code page has letters for (â, ê, ô, ơ, ư, ă): tones stay combining.
    for (let i = 0; i < d.length; i++) {
      const c = (base + d[i]).normalize("NFC");
      if ([...c].length === 1 && map.has(c)) {
        base = c;
        d.splice(i--, 1);
      }
    }
    out.push(map.get(base)!);
    for (const m of d) out.push(map.get(m)!);
  }
  return Buffer.from(out);
}

describe("phuluc merge", () => {
  test("a folder of workbooks and JSON: merged, lock files and the output never read, --json result, exit 0", async () => {
    const dir = folder("don-vi");
    await workbook(dir, "xa-a.xlsx", unit("UBND xã A", { vb_tong: 8, vb_cap_uy: 3, vb_chinh_quyen: 5, dt_tong: 10, dt_da_giai_quyet: 9, dt_ty_le: "90%" }));
    await workbook(dir, "xa-b.xlsx", unit("UBND xã B", { vb_tong: 2, vb_cap_uy: 1, vb_chinh_quyen: 1, dt_tong: 5, dt_da_giai_quyet: 1, dt_ty_le: "20%" }));
    json(dir, "xa-c.json", unit("UBND xã C", { vb_tong: null, vb_cap_uy: null, vb_chinh_quyen: null }));
    fs.writeFileSync(path.join(dir, "~$xa-a.xlsx"), "lock");
    const out = path.join(dir, "tong-hop.json");
    fs.writeFileSync(out, "{ not json: a previous result }");
    const r = await run("merge", dir, "-o", out, "--json", "--force");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    expect(res.template).toBe("qcdc-2021");
    expect(res.units.map((u: { file: string }) => path.basename(u.file))).toEqual(["xa-a.xlsx", "xa-b.xlsx", "xa-c.json"]);
    expect(res.rejected).toEqual([]);
    expect(res.values.vb_tong).toBe(10);
    // 10/15, rounded to the decimals the units' cells show (0%: "90%", "20%"); never the 55 % average.
    expect(res.values.dt_ty_le).toBe("67%");
    expect(res.coverage.vb_tong).toEqual({ reported: 2, expected: 3 });
    expect(res.units[2]).toEqual(expect.objectContaining({ agency: "UBND xã C", errors: 0, missing: expect.arrayContaining(["vb_tong"]) }));
    const written = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(written.report.consolidated).toBe(true);
    expect(written.consolidation.vb_tong).toEqual({ reported: 2, expected: 3 });
    // check works on the consolidated JSON: no register-count error, rates consistent.
    const c = await checkJson(out);
    expect(c.result.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
  });

  test("refusals and unit errors: listed with a code and a reason, the rest merged, exit 1", async () => {
    const dir = folder("tu-choi");
    json(dir, "a.json", unit("UBND xã A"));
    json(dir, "b.json", unit("UBND xã B", { vb_tong: 99 }));
    json(dir, "cu.json", unit("Ủy ban nhân dân xã A", {}, { date: "2021-10-01" }));
    json(dir, "nam-truoc.json", unit("UBND xã D", {}, { year: 2020 }));
    fs.writeFileSync(path.join(dir, "hong.json"), "{ \"template\": ");
    const out = tmp("th.json");
    const r = await run("merge", dir, "-o", out, "--json");
    expect(r.code).toBe(1);
    const res = JSON.parse(r.out);
    const codes = Object.fromEntries(res.rejected.map((x: { file: string; code: string }) => [path.basename(x.file), x.code]));
    expect(codes).toEqual({ "hong.json": "unreadable", "nam-truoc.json": "period", "cu.json": "duplicate" });
    for (const x of res.rejected) expect(x.reason.length).toBeGreaterThan(10);
    expect(res.units.find((u: { agency: string }) => u.agency === "UBND xã B").errors).toBeGreaterThan(0);
    expect(res.warnings.join("\n")).toContain("cu.json");
    // The human summary names them too.
    const h = await run("merge", dir, "-o", tmp("th2.json"));
    expect(h.code).toBe(1);
    expect(h.out).toContain("TỆP BỊ TỪ CHỐI (3)");
    expect(h.out).toContain("ĐƠN VỊ CÓ LỖI (1)");
  });

  test("nothing readable, or wrong usage: exit 2 with a message", async () => {
    const dir = folder("hong");
    fs.writeFileSync(path.join(dir, "a.json"), "[");
    const r = await run("merge", dir, "-o", tmp("x.json"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("không đọc được tệp báo cáo nào");
    expect((await run("merge", dir)).code).toBe(2);
    expect((await run("merge", dir, "-o", tmp("x.docx"))).code).toBe(2);
    const empty = folder("trong");
    const e = await run("merge", empty, "-o", tmp("y.json"));
    expect(e.code).toBe(2);
    expect(e.err).toContain("Không tìm thấy tệp báo cáo");
    // An existing output is not overwritten without --force.
    const ok = folder("ok");
    json(ok, "a.json", unit("Xã A"));
    const existing = tmp("co-san.json");
    fs.writeFileSync(existing, "keep");
    const f = await run("merge", ok, "-o", existing);
    expect(f.code).toBe(2);
    expect(fs.readFileSync(existing, "utf8")).toBe("keep");
  });

  test("--units (.csv in Windows-1258): the units that sent nothing are named, coverage counts against the list; --report gives the receiving body", async () => {
    const dir = folder("ds");
    json(dir, "a.json", unit("UBND xã Tân Lập"));
    json(dir, "b.json", unit("UBND xã Mường Bú"));
    const list = tmp("danh-sach.csv");
    fs.writeFileSync(list, encode1258("Tên đơn vị\r\nỦy ban nhân dân xã Tân Lập\r\nUBND xã Mường Bú\r\nUBND xã Chiềng Ơn\r\nUBND phường Tô Hiệu\r\n"));
    expect(decodeCsv(fs.readFileSync(list), list)).toContain("Chiềng Ơn");
    const info = tmp("info.json");
    fs.writeFileSync(info, JSON.stringify({ agency: "UBND huyện Mường La", level: "huyen", year: 2021, signerName: "Nguyễn Văn A" }));
    const out = tmp("th.json");
    const r = await run("merge", dir, "-o", out, "--units", list, "--report", info, "--json");
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    expect(res.missingUnits).toEqual(["UBND xã Chiềng Ơn", "UBND phường Tô Hiệu"]);
    expect(res.coverage.vb_tong).toEqual({ reported: 2, expected: 4 });
    const written = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(written.report).toEqual(expect.objectContaining({ agency: "UBND huyện Mường La", level: "huyen", signerName: "Nguyễn Văn A", consolidated: true }));
    const h = await run("merge", dir, "-o", tmp("th.json"), "--units", list);
    expect(h.out).toContain("Tổng hợp từ 2/4 đơn vị");
    expect(h.out).toContain("ĐƠN VỊ CHƯA GỬI BÁO CÁO (2)");
    // The report of the consolidated data says where it comes from.
    const txt = tmp("bao-cao.txt");
    const rep = await run("report", out, "-o", txt);
    expect(rep.code).toBeLessThan(2);
    const text = fs.readFileSync(txt, "utf8");
    expect(text).toContain("(Tổng hợp từ 2/4 đơn vị)");
    expect(text).toContain("UBND HUYỆN MƯỜNG LA");
  });

  test("--help", async () => {
    const r = await run("merge", "--help");
    expect(r.code).toBe(0);
    expect(r.out.startsWith("phuluc merge")).toBe(true);
  });
});
