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
    if (/^[a-z][a-z0-9_]+$/.test(cols[1] ?? "")) out[cols[1]] = [cols[4] ?? "", cols[6] ?? ""];
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
      if (/^[a-z][a-z0-9_]+$/.test(cols[1] ?? "")) status[cols[1]] = cols[6] ?? "";
    }
    expect(status.tt_hoi_nghi).toBe("✗ 0 ≠ 0 + 4");
    expect(status.dth_chinh_quyen).toBe("✗ 3 > 1");
    expect(status.dth_cap_uy).toBe("⚠ 0 + 3 > 1");
    expect(status.cchc_dvc_ty_le).toBe("… tổng số suy ra: 45");
    expect(status.cbccvc_ty_le).toMatch(/^✗ 75% ≠ 4\/4 = 100%$/);
    expect(status.cv_tong).toBe("✓");
    expect(status.dt_ty_le).toBe("✓");
    expect(Object.values(status).filter((v) => v.startsWith("✗")).length).toBe(3);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180000);

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
