/**
 * The status column in a real spreadsheet engine, as someone without the add-in sees it:
 * `phuluc init --data` writes the workbook (exceljs, no cached results), LibreOffice opens
 * it headless, computes every formula and saves the "Phụ lục" sheet as text.
 * Skipped where LibreOffice (`soffice`) is not installed.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { main, type Io } from "../../src/cli/main";
import { buildLayout, columnIndex, sheetByRole } from "../../src/core/layout";
import { getTemplate } from "../../src/core/templates/index";

/** 0-based columns of the code, value and status on "Phụ lục", from the layout (the same for every template). */
const SHEET = sheetByRole(buildLayout(getTemplate("qcdc-2021")!), "indicators");
const [CODE, VALUE, STATUS] = ["code", "value", "status"].map((k) => columnIndex(SHEET, k) - 1);

/** The "Phụ lục" sheet of a workbook as LibreOffice computes it: code → [value (E), status (G)]. */
function computeSheet(dir: string, xlsx: string): Record<string, [string, string]> {
  execFileSync(
    "soffice",
    ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, xlsx],
    { stdio: "ignore", timeout: 120000 },
  );
  const csv = fs.readdirSync(dir).find((f) => f.normalize("NFC").endsWith("Phụ lục.csv"));
  expect(csv).toBeDefined();
  const out: Record<string, [string, string]> = {};
  for (const l of fs.readFileSync(path.join(dir, csv!), "utf8").split(/\r?\n/)) {
    const cols = l.split("\t").map((c) => c.replace(/^"|"$/g, ""));
    if (/^[a-z][a-z0-9_]+$/.test(cols[CODE] ?? "")) out[cols[CODE]] = [cols[VALUE] ?? "", cols[STATUS] ?? ""];
  }
  return out;
}

function hasSoffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 30000 });
    return true;
  } catch {
    return false;
  }
}

// In CI the formulas must be recomputed: a missing LibreOffice Calc fails there instead of skipping.
const maybe = hasSoffice() || process.env.CI === "true" ? describe : describe.skip;

maybe("status column computed by LibreOffice", () => {
  test("the worked example shows ✗ at the two arithmetic errors, ⚠ at the warning, ✓ elsewhere", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-status-"));
    const xlsx = path.join(dir, "bao-cao.xlsx");
    const data = JSON.parse(fs.readFileSync(path.join(__dirname, "../../examples/son-la-skhcn-2021.json"), "utf8"));
    data.values.cbccvc_ty_le = "75%"; // 4/4 is 100%: a wrong ratio the formula must catch
    fs.writeFileSync(path.join(dir, "in.json"), JSON.stringify(data));
    const silent: Io = { out: () => undefined, err: () => undefined };
    await main(["init", xlsx, "--data", path.join(dir, "in.json")], silent);
    expect(fs.existsSync(xlsx)).toBe(true);
    execFileSync(
      "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${dir}/profile`,
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        dir,
        xlsx,
      ],
      { stdio: "ignore", timeout: 120000 },
    );
    const csv = fs.readdirSync(dir).find((f) => f.normalize("NFC").endsWith("Phụ lục.csv"));
    expect(csv).toBeDefined();
    const lines = fs.readFileSync(path.join(dir, csv!), "utf8").split(/\r?\n/);
    const status: Record<string, string> = {};
    for (const l of lines) {
      const cols = l.split("\t").map((c) => c.replace(/^"|"$/g, ""));
      if (/^[a-z][a-z0-9_]+$/.test(cols[CODE] ?? "")) status[cols[CODE]] = cols[STATUS] ?? "";
    }
    expect(status.tt_hoi_nghi).toBe("✗ 0 ≠ 0 + 4");
    expect(status.dth_chinh_quyen).toBe("✗ 3 > 1; ✗ 3 ≠ 0 theo sổ Đối thoại");
    expect(status.dth_tong).toBe("✗ 1 ≠ 0 theo sổ Đối thoại"); // the register error: no dialogue marked as held
    expect(status.dth_cap_uy).toBe("⚠ 0 + 3 > 1");
    expect(status.cchc_dvc_ty_le).toBe("… tổng số suy ra: 45");
    expect(status.cbccvc_ty_le).toMatch(/^✗ 75% ≠ 4\/4 = 100%$/);
    expect(status.cv_tong).toBe("✓");
    expect(status.dt_ty_le).toBe("✓");
    expect(Object.values(status).filter((v) => v.startsWith("✗")).length).toBe(4);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180000);

  test("a sample of workbooks, register-only errors included, in one LibreOffice run: the same ✓/✗ as the core", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-sample-"));
    const base = JSON.parse(fs.readFileSync(path.join(__dirname, "../../examples/son-la-skhcn-2021.json"), "utf8"));
    const clean = JSON.parse(JSON.stringify(base));
    Object.assign(clean.values, { tt_hoi_nghi: 4, dth_tong: 3, dth_cap_uy: 0, dth_chinh_quyen: 0 });
    clean.registers.doi_thoai = [];
    const samples: Record<string, unknown> = {
      // Only the register disagrees: four conferences in the register, the figures say 3 (1 + 2).
      "so-hoi-nghi": (() => {
        const d = JSON.parse(JSON.stringify(clean));
        Object.assign(d.values, { tt_hoi_nghi: 3, tt_rieng: 1, tt_long_ghep: 2 });
        d.registers.hoi_nghi = [
          { title: "Hội nghị triển khai", form: "rieng" },
          { title: "Hội nghị sơ kết", form: "long_ghep" },
          { title: "Tập huấn", form: "Lồng ghép" },
          { title: "Hội nghị tổng kết", form: "Integrated" },
        ];
        return d;
      })(),
      // Dialogues held per the register, typed as "rồi" and in English.
      "so-doi-thoai": (() => {
        const d = JSON.parse(JSON.stringify(clean));
        d.registers.doi_thoai = [
          { chair: "Cả hai", held: "rồi", title: "Đối thoại 1" },
          { chair: "Head of government", held: "Yes", title: "Đối thoại 2" },
          { chair: "chinh_quyen", held: "chưa", title: "Đối thoại 3" },
        ];
        Object.assign(d.values, { dth_tong: 2, dth_cap_uy: 1, dth_chinh_quyen: 2 });
        return d;
      })(),
      "vi-du": base,
      "sach": clean,
    };
    const silent: Io = { out: () => undefined, err: () => undefined };
    const files: string[] = [];
    for (const [name, d] of Object.entries(samples)) {
      fs.writeFileSync(path.join(dir, name + ".json"), JSON.stringify(d));
      const xlsx = path.join(dir, name + ".xlsx");
      await main(["init", xlsx, "--data", path.join(dir, name + ".json")], silent);
      files.push(xlsx);
    }
    execFileSync(
      "soffice",
      ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, ...files],
      { stdio: "ignore", timeout: 180000 },
    );
    const { makeBook, statuses, coreFindings } = await import("./helpers");
    const { qcdc2021 } = await import("../../src/core/templates/qcdc-2021");
    const { normalizeReport } = await import("../../src/core/normalize");
    const mark = (x: string) => (x.startsWith("✗") || x.includes("; ✗") ? "✗" : x.startsWith("✓") ? "✓" : x === "" ? "" : "other");
    for (const name of Object.keys(samples)) {
      const csv = fs.readdirSync(dir).find((f) => f.normalize("NFC") === (name + "-Phụ lục.csv").normalize("NFC"));
      expect([name, csv !== undefined]).toEqual([name, true]);
      const lo: Record<string, string> = {};
      for (const l of fs.readFileSync(path.join(dir, csv!), "utf8").split(/\r?\n/)) {
        const cols = l.split("\t").map((c) => c.replace(/^"|"$/g, ""));
        if (/^[a-z][a-z0-9_]+$/.test(cols[CODE] ?? "")) lo[cols[CODE]] = cols[STATUS] ?? "";
      }
      const book = makeBook(qcdc2021, normalizeReport(samples[name]));
      const mine = statuses(book);
      // The same text as the test evaluator, row by row; and ✗ on a row exactly where the core has an error of a rule the column carries.
      expect([name, lo]).toEqual([name, mine]);
      if (name === "so-hoi-nghi") expect([lo.tt_hoi_nghi, lo.tt_long_ghep]).toEqual(["✗ 3 ≠ 4 theo sổ Hội nghị", "✗ 2 ≠ 3 theo sổ Hội nghị"]);
      if (name === "so-doi-thoai") expect([lo.dth_tong, lo.dth_cap_uy, lo.dth_chinh_quyen]).toEqual(["✓", "⚠ 1 + 2 > 2", "✓"]);
      const errorRows = new Set(
        coreFindings(book)
          .filter((f) => f.severity === "error" && f.rule !== "kt.register" && f.rule !== "cv.period")
          .flatMap((f) => (f.rule.endsWith(".register") ? f.indicators.filter((c) => mark(mine[c]) === "✗") : [f.indicators[0]])),
      );
      for (const [code, v] of Object.entries(lo)) if (mark(v) === "✗") expect([name, code, errorRows.has(code)]).toEqual([name, code, true]);
    }
    expect(Object.values(samples).length).toBe(4);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 240000);

  test("an empty workbook's derived totals: the sum of the parts, and blank while a part is text", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-derived-"));
    const xlsx = path.join(dir, "so-lieu.xlsx");
    const silent: Io = { out: () => undefined, err: () => undefined };
    await main(["init", xlsx, "--template", "qcdc-2021"], silent);
    // The user types the parts: numbers for the documents, a unit typed in for one conference part.
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet("Phụ lục")!;
    ws.getCell("E10").value = 3;
    ws.getCell("E11").value = 5;
    ws.getCell("E15").value = "04 cuộc";
    ws.getCell("E16").value = 0;
    await wb.xlsx.writeFile(xlsx);
    const sheet = computeSheet(dir, xlsx);
    expect(sheet.vb_tong[0]).toBe("8");
    expect(sheet.tt_hoi_nghi[0]).toBe(""); // not 0: SUM would skip "04 cuộc" and show a total nobody typed
    expect(sheet.tt_hoi_nghi[1]).not.toMatch(/^✗/);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180000);
});
