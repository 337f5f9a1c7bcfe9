/*
 * A fake Excel host for browser tests and benches: an in-memory workbook behind the parts
 * of Office.js / Excel JavaScript API that the add-in uses, with Office's batch semantics:
 *
 * - calls on API objects are queued and run, in order, at `context.sync()`;
 * - a property is readable only after `load(...)` and a sync (reading before throws
 *   PropertyNotLoaded, like Office);
 * - `getItem` of a missing sheet/table fails the sync with ItemNotFound; `...OrNullObject`
 *   gives an object whose `isNullObject` is true after the sync;
 * - every `context.sync()` that carries work is counted (`__fakeExcel.syncCount`).
 *
 * Formulas are kept as text; their cached value is null unless a test sets it
 * (`__fakeExcel.setCached`). Plain JS (no build step): injected with `page.addInitScript`
 * in Playwright, or `require`d in Node (bench/addin.js) as `createFakeOffice(options)`.
 *
 * Options (browser: `window.__fakeOfficeOptions`, set by an earlier init script):
 *   sets: { ExcelApi: "1.8" }   highest version of each requirement set offered
 *   theme: "light" | "dark"
 *   ready: "ok" | "never"        Office.onReady never resolves with "never"
 *   sheets: [{ name, cells: { A1: value | { v, formula, format } }, visibility?, tables?: [{ name, address }] }]
 *   names: [{ name, ref }]          workbook-level names the workbook already holds
 */
(function (root) {
  "use strict";

  var MAX_ROWS = 1048576;
  var MAX_COLS = 16384;

  /* ---------------- addresses ---------------- */

  function colIndex(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
    return n - 1;
  }
  function colLetter(i) {
    var s = "";
    var n = i + 1;
    while (n > 0) {
      var m = (n - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  function quoteSheet(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  function a1(row, col) {
    return colLetter(col) + (row + 1);
  }
  function rectA1(r) {
    if (r.rows === MAX_ROWS) return colLetter(r.col) + ":" + colLetter(r.col + r.cols - 1);
    if (r.cols === MAX_COLS) return r.row + 1 + ":" + (r.row + r.rows);
    var s = a1(r.row, r.col);
    return r.rows === 1 && r.cols === 1 ? s : s + ":" + a1(r.row + r.rows - 1, r.col + r.cols - 1);
  }
  function parsePart(p) {
    var m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(p);
    if (!m || (!m[1] && !m[2])) throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format. (" + p + ")");
    return { col: m[1] ? colIndex(m[1]) : null, row: m[2] ? parseInt(m[2], 10) - 1 : null };
  }
  function parseRect(address) {
    var s = String(address);
    var bang = s.lastIndexOf("!");
    if (bang >= 0) s = s.slice(bang + 1);
    var parts = s.split(":");
    var p = parsePart(parts[0]);
    var q = parts[1] ? parsePart(parts[1]) : p;
    if (p.row === null && q.row === null) return { row: 0, col: Math.min(p.col, q.col), rows: MAX_ROWS, cols: Math.abs(q.col - p.col) + 1 };
    if (p.col === null && q.col === null) return { row: Math.min(p.row, q.row), col: 0, rows: Math.abs(q.row - p.row) + 1, cols: MAX_COLS };
    return { row: Math.min(p.row, q.row), col: Math.min(p.col, q.col), rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
  }
  function intersects(a, b) {
    return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
  }

  /* ---------------- errors ---------------- */

  function officeError(code, message) {
    var e = new Error(message);
    e.name = "RichApi.Error";
    e.code = code;
    e.debugInfo = { code: code, message: message };
    return e;
  }
  function notLoaded(prop) {
    return officeError(
      "PropertyNotLoaded",
      "The property '" + prop + "' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
    );
  }

  /* ---------------- the in-memory workbook ---------------- */

  function createState() {
    return {
      sheets: [],
      tables: [],
      names: [],
      nextSheetId: 1,
      nextTableId: 1,
      selection: null,
      activeSheet: null,
      syncCount: 0,
      handlers: [],
      log: [],
    };
  }

  function newSheet(st, name) {
    var id = "{00000000-0001-0000-" + ("0000" + st.nextSheetId++).slice(-4) + "-000000000000}";
    return { id: id, name: name, visibility: "Visible", cells: {}, colWidths: {}, colStyles: {}, freezeRows: 0, freezeCols: 0 };
  }
  function key(r, c) {
    return r + "," + c;
  }
  function getCell(sheet, r, c, create) {
    var k = key(r, c);
    var cell = sheet.cells[k];
    if (!cell && create) {
      cell = { v: null, f: null, fmt: "General", style: {}, validation: null };
      sheet.cells[k] = cell;
    }
    return cell;
  }
  function findSheet(st, name) {
    var n = String(name).normalize("NFC").toLowerCase();
    for (var i = 0; i < st.sheets.length; i++) if (st.sheets[i].name.normalize("NFC").toLowerCase() === n) return st.sheets[i];
    return null;
  }
  function findTable(st, name) {
    var n = String(name).toLowerCase();
    for (var i = 0; i < st.tables.length; i++) if (st.tables[i].name.toLowerCase() === n) return st.tables[i];
    return null;
  }
  function sheetById(st, id) {
    for (var i = 0; i < st.sheets.length; i++) if (st.sheets[i].id === id) return st.sheets[i];
    return null;
  }

  /** What Excel stores when a value is written (roughly the way typing parses it). */
  function coerce(value, fmt) {
    if (value === null || value === undefined || value === "") return { v: null, f: null };
    if (typeof value === "number" || typeof value === "boolean") return { v: value, f: null };
    var s = String(value);
    if (s.charAt(0) === "=" && s.length > 1) return { v: null, f: s };
    if (s.charAt(0) === "'") return { v: s.slice(1), f: null };
    if (fmt !== "@") {
      if (/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s.trim())) return { v: Number(s), f: null };
      var pct = /^([-+]?\d+(\.\d+)?)%$/.exec(s.trim());
      if (pct) return { v: Number(pct[1]) / 100, f: null, fmt: pct[2] ? "0." + new Array(pct[2].length).join("0") + "%" : "0%" };
      if (/^(true|false)$/i.test(s.trim())) return { v: /^true$/i.test(s.trim()), f: null };
    }
    return { v: s, f: null };
  }

  function isEmptyCell(c) {
    return !c || ((c.v === null || c.v === "") && !c.f && !c.error);
  }
  function hasFormat(c) {
    if (!c) return false;
    if (c.fmt && c.fmt !== "General") return true;
    if (c.validation) return true;
    for (var k in c.style) if (Object.prototype.hasOwnProperty.call(c.style, k)) return true;
    return false;
  }

  function usedRect(sheet, valuesOnly) {
    var r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (var k in sheet.cells) {
      var c = sheet.cells[k];
      if (isEmptyCell(c) && (valuesOnly || !hasFormat(c))) continue;
      var p = k.split(",");
      var r = +p[0], cc = +p[1];
      if (r < r0) r0 = r;
      if (cc < c0) c0 = cc;
      if (r > r1) r1 = r;
      if (cc > c1) c1 = cc;
    }
    if (r1 < 0) return null;
    return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  function eachCell(rect, fn) {
    if (rect.rows * rect.cols > 2000000) throw officeError("InvalidArgument", "The range is too large for this operation in the fake host.");
    for (var i = 0; i < rect.rows; i++) for (var j = 0; j < rect.cols; j++) fn(rect.row + i, rect.col + j, i, j);
  }

  function grid(rect, fn) {
    var out = [];
    for (var i = 0; i < rect.rows; i++) {
      var row = [];
      for (var j = 0; j < rect.cols; j++) row.push(fn(rect.row + i, rect.col + j));
      out.push(row);
    }
    return out;
  }

  function checkShape(rect, value, prop) {
    if (!Array.isArray(value)) return false;
    if (value.length !== rect.rows || value.some(function (r) { return !Array.isArray(r) || r.length !== rect.cols; }))
      throw officeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range. (" + prop + ")");
    return true;
  }

  /* ---------------- the client object model ---------------- */

  function install(win, options) {
    options = options || {};
    var st = createState();
    var sets = options.sets || { ExcelApi: "1.8" };

    function versionOk(have, want) {
      var a = String(have).split(".").map(Number);
      var b = String(want || "1.1").split(".").map(Number);
      for (var i = 0; i < Math.max(a.length, b.length); i++) {
        var x = a[i] || 0, y = b[i] || 0;
        if (x !== y) return x > y;
      }
      return true;
    }

    /* -- request context -- */
    function RequestContext() {
      this._queue = [];
      this._created = [];
      this.workbook = new Workbook(this);
      this.application = {
        suspendApiCalculationUntilNextSync: function () {},
        calculate: function () {},
      };
      this.trackedObjects = { add: function () {}, remove: function () {} };
      this.runtime = { enableEvents: true };
    }
    RequestContext.prototype._enqueue = function (fn) {
      this._queue.push(fn);
    };
    RequestContext.prototype.sync = function (passThrough) {
      var self = this;
      return new Promise(function (resolve, reject) {
        setTimeout(function () {
          var q = self._queue;
          self._queue = [];
          var created = self._created;
          self._created = [];
          if (q.length || created.length) st.syncCount++;
          try {
            for (var i = 0; i < q.length; i++) q[i]();
            for (var j = 0; j < created.length; j++) created[j]._settle();
          } catch (e) {
            reject(e);
            return;
          }
          resolve(passThrough);
        }, 0);
      });
    };

    /* -- base client object -- */
    function ClientObject(ctx, resolver, opts) {
      this.context = ctx;
      this._resolver = resolver;
      this._entity = undefined;
      this._loaded = {};
      this._children = {};
      this._nullable = !!(opts && opts.nullable);
      this._isNull = undefined;
      ctx._created.push(this);
    }
    ClientObject.prototype._ent = function () {
      if (this._entity === undefined) this._entity = this._resolver();
      if (this._entity === null) {
        if (this._nullable) return null;
        throw officeError("ItemNotFound", "The requested resource doesn't exist.");
      }
      return this._entity;
    };
    ClientObject.prototype._settle = function () {
      if (this._nullable && this._isNull === undefined) {
        try {
          this._isNull = this._ent() === null;
        } catch (e) {
          this._isNull = true;
        }
      }
    };
    Object.defineProperty(ClientObject.prototype, "isNullObject", {
      get: function () {
        if (this._isNull === undefined) {
          if (!this._nullable) return false;
          throw notLoaded("isNullObject");
        }
        return this._isNull;
      },
    });
    ClientObject.prototype.load = function (what) {
      var self = this;
      var paths = parseLoad(what, this._scalars || []);
      this.context._enqueue(function () {
        self._doLoad(paths);
      });
      return this;
    };
    ClientObject.prototype._doLoad = function (paths) {
      if (this._nullable) {
        this._settle();
        if (this._isNull) return;
      }
      for (var i = 0; i < paths.length; i++) this._loadPath(paths[i].split("/"));
    };
    ClientObject.prototype._loadPath = function (parts) {
      var head = parts[0];
      if (parts.length === 1 && (this._scalars || []).indexOf(head) < 0 && this._nav && this._nav[head]) {
        this._child(head)._doLoad(this._child(head)._scalars || []);
        return;
      }
      if (parts.length > 1) {
        var child = this._child(head);
        if (!child) throw officeError("InvalidArgument", "Cannot load " + parts.join("/"));
        child._loadPath(parts.slice(1));
        return;
      }
      this._loaded[head] = this._read(head);
    };
    ClientObject.prototype._child = function (name) {
      if (!this._nav || !this._nav[name]) return null;
      if (!this._children[name]) this._children[name] = this._nav[name].call(this);
      return this._children[name];
    };
    ClientObject.prototype.toJSON = function () {
      return this._loaded;
    };
    function parseLoad(what, scalars) {
      if (what === undefined || what === null || what === "") return scalars.slice();
      if (typeof what === "string") return what.split(",").map(function (s) { return s.trim(); }).filter(Boolean);
      if (Array.isArray(what)) return what.reduce(function (a, s) { return a.concat(parseLoad(s, scalars)); }, []);
      if (typeof what === "object") {
        if (what.select) return parseLoad(what.select, scalars);
        var out = [];
        Object.keys(what).forEach(function (k) {
          if (what[k] === true) out.push(k);
          else if (what[k] && typeof what[k] === "object") parseLoad(what[k], []).forEach(function (s) { out.push(k + "/" + s); });
        });
        return out;
      }
      return scalars.slice();
    }
    /** Defines loadable (and optionally settable) scalar properties. */
    function props(Ctor, names, setters) {
      Ctor.prototype._scalars = names;
      names.forEach(function (name) {
        Object.defineProperty(Ctor.prototype, name, {
          get: function () {
            if (!Object.prototype.hasOwnProperty.call(this._loaded, name)) throw notLoaded(name);
            return this._loaded[name];
          },
          set: function (value) {
            var fn = setters && setters[name];
            if (!fn) throw officeError("InvalidArgument", "The property '" + name + "' is read-only.");
            var self = this;
            this.context._enqueue(function () {
              fn.call(self, value);
            });
          },
          configurable: true,
        });
      });
    }
    function inherit(Ctor) {
      Ctor.prototype = Object.create(ClientObject.prototype);
      Ctor.prototype.constructor = Ctor;
    }
    /**
     * A collection's `load` and `items` (and `count` when it has one, as TableCollection does):
     * at sync, one `Item` per entity of `scope(collection)`, each loading the asked paths
     * ("items", "items/name", "items/worksheet/name", …).
     */
    function collectionOf(Ctor, Item, scope, opts) {
      var withCount = !!(opts && opts.count);
      Ctor.prototype.load = function (what) {
        var self = this;
        var paths = parseLoad(what, ["items"]);
        this.context._enqueue(function () {
          var ctx = self.context;
          var items = scope(self).map(function (e) {
            var x = new Item(ctx, function () { return e; });
            x._entity = e;
            return x;
          });
          paths.forEach(function (p) {
            var parts = p.split("/");
            if (withCount && parts[0] === "count") {
              self._count = items.length;
              return;
            }
            if (parts[0] !== "items") throw officeError("InvalidArgument", "Cannot load " + p);
            items.forEach(function (x) {
              if (parts.length > 1) x._loadPath(parts.slice(1));
              else x._doLoad(x._scalars);
            });
          });
          self._items = items;
        });
        return this;
      };
      Object.defineProperty(Ctor.prototype, "items", {
        get: function () {
          if (!this._items) throw notLoaded("items");
          return this._items;
        },
      });
      if (withCount)
        Object.defineProperty(Ctor.prototype, "count", {
          get: function () {
            if (this._count === undefined) throw notLoaded("count");
            return this._count;
          },
        });
    }

    /* -- events -- */
    function EventSource(ctx, kind, target) {
      this._ctx = ctx;
      this._kind = kind;
      this._target = target;
    }
    EventSource.prototype.add = function (handler) {
      var entry = { kind: this._kind, target: this._target, handler: handler, active: false };
      this._ctx._enqueue(function () {
        entry.active = true;
        st.handlers.push(entry);
      });
      var ctx = this._ctx;
      return {
        context: ctx,
        remove: function () {
          ctx._enqueue(function () {
            entry.active = false;
            st.handlers = st.handlers.filter(function (h) { return h !== entry; });
          });
        },
      };
    };
    EventSource.prototype.remove = function (handler) {
      this._ctx._enqueue(function () {
        st.handlers = st.handlers.filter(function (h) { return h.handler !== handler; });
      });
    };

    /* -- workbook -- */
    function Workbook(ctx) {
      ClientObject.call(this, ctx, function () { return st; });
      this.worksheets = new WorksheetCollection(ctx);
      this.tables = new TableCollection(ctx, null);
      this.names = new NamedItemCollection(ctx);
      this.application = ctx.application;
    }
    inherit(Workbook);
    props(Workbook, ["name"]);
    Workbook.prototype._read = function (p) {
      if (p === "name") return "Book1.xlsx";
    };
    Workbook.prototype.getSelectedRange = function () {
      return new Range(this.context, function () {
        if (!st.selection) {
          var s = st.activeSheet ? sheetById(st, st.activeSheet) : st.sheets[0];
          return { sheet: s, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
        }
        return { sheet: sheetById(st, st.selection.sheet), rect: st.selection.rect };
      });
    };
    Workbook.prototype.getActiveCell = function () {
      var r = this.getSelectedRange();
      return r.getCell(0, 0);
    };

    /* -- worksheets -- */
    function WorksheetCollection(ctx) {
      ClientObject.call(this, ctx, function () { return st.sheets; });
      this.onChanged = new EventSource(ctx, "changed", null);
      this.onAdded = new EventSource(ctx, "added", null);
      this.onActivated = new EventSource(ctx, "activated", null);
      this.onSelectionChanged = new EventSource(ctx, "selection", null);
    }
    inherit(WorksheetCollection);
    WorksheetCollection.prototype._scalars = ["items"];
    collectionOf(WorksheetCollection, Worksheet, function () { return st.sheets; });
    WorksheetCollection.prototype.add = function (name) {
      var ctx = this.context;
      var w = new Worksheet(ctx, function () { return w._entity; });
      ctx._enqueue(function () {
        var n = name;
        if (n === undefined || n === null) {
          var i = st.sheets.length + 1;
          while (findSheet(st, "Sheet" + i)) i++;
          n = "Sheet" + i;
        }
        n = String(n);
        if (n.length > 31 || /[\\/?*[\]:]/.test(n) || !n.trim()) throw officeError("InvalidArgument", "The sheet name is invalid: " + n);
        if (findSheet(st, n)) throw officeError("ItemAlreadyExists", "A resource with the same name or identifier already exists. (" + n + ")");
        var s = newSheet(st, n);
        st.sheets.push(s);
        w._entity = s;
        st.log.push({ op: "addSheet", sheet: n });
      });
      return w;
    };
    WorksheetCollection.prototype.getItem = function (name) {
      return new Worksheet(this.context, function () { return findSheet(st, name) || sheetById(st, name); });
    };
    WorksheetCollection.prototype.getItemOrNullObject = function (name) {
      return new Worksheet(this.context, function () { return findSheet(st, name) || sheetById(st, name); }, { nullable: true });
    };
    WorksheetCollection.prototype.getActiveWorksheet = function () {
      return new Worksheet(this.context, function () { return (st.activeSheet && sheetById(st, st.activeSheet)) || st.sheets[0] || null; });
    };
    WorksheetCollection.prototype.getCount = function () {
      var res = { value: undefined };
      this.context._enqueue(function () { res.value = st.sheets.length; });
      return res;
    };

    function Worksheet(ctx, resolver, opts) {
      ClientObject.call(this, ctx, resolver, opts);
      var self = this;
      this.tables = new TableCollection(ctx, function () { return self._ent(); });
      this.freezePanes = new FreezePanes(ctx, this);
      this.onChanged = new EventSource(ctx, "changed", this);
      this.onSelectionChanged = new EventSource(ctx, "selection", this);
      this.onActivated = new EventSource(ctx, "activated", this);
      this.onCalculated = new EventSource(ctx, "calculated", this);
    }
    inherit(Worksheet);
    props(Worksheet, ["name", "id", "position", "visibility", "tabColor"], {
      name: function (v) {
        var s = this._ent();
        var other = findSheet(st, v);
        if (other && other !== s) throw officeError("ItemAlreadyExists", "A sheet with that name already exists.");
        s.name = String(v);
      },
      visibility: function (v) {
        var s = this._ent();
        var visible = st.sheets.filter(function (x) { return x.visibility === "Visible" && x !== s; });
        if (v !== "Visible" && visible.length === 0) throw officeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
        if (["Visible", "Hidden", "VeryHidden"].indexOf(v) < 0) throw officeError("InvalidArgument", "Bad visibility " + v);
        s.visibility = v;
      },
      position: function (v) {
        var s = this._ent();
        st.sheets.splice(st.sheets.indexOf(s), 1);
        st.sheets.splice(Math.max(0, Math.min(v, st.sheets.length)), 0, s);
      },
      tabColor: function (v) {
        this._ent().tabColor = v;
      },
    });
    Worksheet.prototype._read = function (p) {
      var s = this._ent();
      if (p === "position") return st.sheets.indexOf(s);
      if (p === "tabColor") return s.tabColor || "";
      return s[p];
    };
    Worksheet.prototype.getRange = function (address) {
      var self = this;
      return new Range(this.context, function () {
        var s = self._ent();
        if (address === undefined || address === null || address === "") return { sheet: s, rect: { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } };
        return { sheet: s, rect: parseRect(address) };
      });
    };
    Worksheet.prototype.getRangeByIndexes = function (r, c, nr, nc) {
      var self = this;
      return new Range(this.context, function () { return { sheet: self._ent(), rect: { row: r, col: c, rows: nr, cols: nc } }; });
    };
    Worksheet.prototype.getCell = function (r, c) {
      return this.getRangeByIndexes(r, c, 1, 1);
    };
    Worksheet.prototype.getUsedRange = function (valuesOnly) {
      var self = this;
      return new Range(this.context, function () {
        var s = self._ent();
        return { sheet: s, rect: usedRect(s, !!valuesOnly) || { row: 0, col: 0, rows: 1, cols: 1 } };
      });
    };
    Worksheet.prototype.getUsedRangeOrNullObject = function (valuesOnly) {
      var self = this;
      return new Range(
        this.context,
        function () {
          var s = self._ent();
          var r = usedRect(s, !!valuesOnly);
          return r ? { sheet: s, rect: r } : null;
        },
        { nullable: true },
      );
    };
    Worksheet.prototype.activate = function () {
      var self = this;
      this.context._enqueue(function () {
        var s = self._ent();
        if (s.visibility !== "Visible") throw officeError("InvalidOperation", "Cannot activate a hidden sheet.");
        st.activeSheet = s.id;
      });
    };
    Worksheet.prototype.delete = function () {
      var self = this;
      this.context._enqueue(function () {
        var s = self._ent();
        st.sheets.splice(st.sheets.indexOf(s), 1);
        st.tables = st.tables.filter(function (t) { return t.sheet !== s; });
        st.names = st.names.filter(function (n) { return n.sheet !== s; });
      });
    };

    /* -- page layout (ExcelApi 1.9): properties recorded on the sheet at sync -- */
    function PageLayout(ctx, ws) {
      this._ctx = ctx;
      this._ws = ws;
      var self = this;
      var footer = {};
      ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"].forEach(function (k) {
        Object.defineProperty(footer, k, {
          set: function (v) { self._set("headersFooters/" + k, v); },
        });
      });
      this.headersFooters = { defaultForAllPages: footer };
    }
    PageLayout.prototype._set = function (k, v) {
      var ws = this._ws;
      var ORIENT = ["Portrait", "Landscape"];
      this._ctx._enqueue(function () {
        if (k === "orientation" && ORIENT.indexOf(v) < 0) throw officeError("InvalidArgument", "Bad orientation " + v);
        if (k === "zoom" && (v.horizontalFitToPages === undefined && v.verticalFitToPages === undefined && v.scale === undefined)) throw officeError("InvalidArgument", "Empty zoom");
        var s = ws._ent();
        s.pageLayout = s.pageLayout || {};
        s.pageLayout[k] = JSON.parse(JSON.stringify(v));
      });
    };
    ["paperSize", "orientation", "zoom", "leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin", "centerHorizontally", "centerVertically", "printGridlines"].forEach(function (k) {
      Object.defineProperty(PageLayout.prototype, k, {
        set: function (v) { this._set(k, v); },
      });
    });
    PageLayout.prototype.setPrintTitleRows = function (rows) {
      this._set("printTitleRows", rows);
    };
    Object.defineProperty(Worksheet.prototype, "pageLayout", {
      get: function () {
        if (!versionOk(sets.ExcelApi || "1.1", "1.9")) return undefined;
        return this._pl || (this._pl = new PageLayout(this.context, this));
      },
    });

    function FreezePanes(ctx, ws) {
      this._ctx = ctx;
      this._ws = ws;
    }
    FreezePanes.prototype.freezeRows = function (n) {
      var ws = this._ws;
      this._ctx._enqueue(function () { ws._ent().freezeRows = n === undefined ? 1 : n; });
    };
    FreezePanes.prototype.freezeColumns = function (n) {
      var ws = this._ws;
      this._ctx._enqueue(function () { ws._ent().freezeCols = n === undefined ? 1 : n; });
    };
    FreezePanes.prototype.unfreeze = function () {
      var ws = this._ws;
      this._ctx._enqueue(function () {
        ws._ent().freezeRows = 0;
        ws._ent().freezeCols = 0;
      });
    };

    /* -- ranges -- */
    function Range(ctx, resolver, opts) {
      ClientObject.call(this, ctx, resolver, opts);
      var self = this;
      this.format = new RangeFormat(ctx, this, "");
      this.dataValidation = new DataValidation(ctx, this);
      Object.defineProperty(this, "worksheet", {
        get: function () {
          if (!self._ws) {
            self._ws = new Worksheet(ctx, function () { return self._ent().sheet; });
          }
          return self._ws;
        },
      });
    }
    inherit(Range);
    Range.prototype._nav = {
      worksheet: function () { return this.worksheet; },
      format: function () { return this.format; },
    };
    function writeCells(range, value, mode) {
      var e = range._ent();
      var rect = e.rect;
      var isGrid = checkShape(rect, value, mode);
      eachCell(rect, function (r, c, i, j) {
        var v = isGrid ? value[i][j] : value;
        var cell = getCell(e.sheet, r, c, true);
        if (mode === "numberFormat") {
          cell.fmt = v === null || v === undefined || v === "" ? "General" : String(v);
          return;
        }
        if (v === null && mode !== "formulas") return; // null leaves the cell as it is (Office semantics)
        var res = coerce(v, cell.fmt);
        cell.v = res.v;
        cell.f = res.f;
        cell.error = undefined;
        if (res.fmt && cell.fmt === "General") cell.fmt = res.fmt;
      });
      st.log.push({ op: mode, sheet: e.sheet.name, address: rectA1(rect) });
    }
    props(Range, ["address", "addressLocal", "rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount", "values", "formulas", "formulasLocal", "numberFormat", "text", "valueTypes"], {
      values: function (v) { writeCells(this, v, "values"); },
      formulas: function (v) { writeCells(this, v, "formulas"); },
      formulasLocal: function (v) { writeCells(this, v, "formulas"); },
      numberFormat: function (v) { writeCells(this, v, "numberFormat"); },
    });
    Range.prototype._read = function (p) {
      var e = this._ent();
      var s = e.sheet, r = e.rect;
      switch (p) {
        case "address":
        case "addressLocal":
          return quoteSheet(s.name) + "!" + rectA1(r);
        case "rowIndex":
          return r.row;
        case "columnIndex":
          return r.col;
        case "rowCount":
          return r.rows;
        case "columnCount":
          return r.cols;
        case "cellCount":
          return r.rows * r.cols;
        case "values":
          return grid(r, function (i, j) {
            var c = getCell(s, i, j);
            if (!c) return "";
            if (c.error) return c.error;
            return c.v === null || c.v === undefined ? "" : c.v;
          });
        case "text":
          return grid(r, function (i, j) {
            var c = getCell(s, i, j);
            if (!c) return "";
            if (c.error) return c.error;
            return c.v === null || c.v === undefined ? "" : String(c.v);
          });
        case "formulas":
        case "formulasLocal":
          return grid(r, function (i, j) {
            var c = getCell(s, i, j);
            if (!c) return "";
            if (c.f) return c.f;
            return c.v === null || c.v === undefined ? "" : c.v;
          });
        case "numberFormat":
          return grid(r, function (i, j) {
            var c = getCell(s, i, j);
            return (c && c.fmt) || "General";
          });
        case "valueTypes":
          return grid(r, function (i, j) {
            var c = getCell(s, i, j);
            if (!c) return "Empty";
            if (c.error) return "Error";
            var v = c.v;
            if (v === null || v === undefined || v === "") return "Empty";
            if (typeof v === "number") return Number.isInteger(v) ? "Integer" : "Double";
            if (typeof v === "boolean") return "Boolean";
            return "String";
          });
      }
    };
    function derived(range, fn) {
      return new Range(range.context, function () {
        var e = range._ent();
        return { sheet: e.sheet, rect: fn(e.rect) };
      });
    }
    Range.prototype.getCell = function (r, c) {
      return derived(this, function (x) { return { row: x.row + r, col: x.col + c, rows: 1, cols: 1 }; });
    };
    Range.prototype.getResizedRange = function (dr, dc) {
      return derived(this, function (x) { return { row: x.row, col: x.col, rows: x.rows + dr, cols: x.cols + dc }; });
    };
    Range.prototype.getOffsetRange = function (dr, dc) {
      return derived(this, function (x) { return { row: x.row + dr, col: x.col + dc, rows: x.rows, cols: x.cols }; });
    };
    Range.prototype.getEntireColumn = function () {
      return derived(this, function (x) { return { row: 0, col: x.col, rows: MAX_ROWS, cols: x.cols }; });
    };
    Range.prototype.getEntireRow = function () {
      return derived(this, function (x) { return { row: x.row, col: 0, rows: x.rows, cols: MAX_COLS }; });
    };
    Range.prototype.getRow = function (i) {
      return derived(this, function (x) { return { row: x.row + i, col: x.col, rows: 1, cols: x.cols }; });
    };
    Range.prototype.getColumn = function (j) {
      return derived(this, function (x) { return { row: x.row, col: x.col + j, rows: x.rows, cols: 1 }; });
    };
    Range.prototype.getLastRow = function () {
      return derived(this, function (x) { return { row: x.row + x.rows - 1, col: x.col, rows: 1, cols: x.cols }; });
    };
    Range.prototype.getBoundingRect = function (other) {
      var self = this;
      return new Range(this.context, function () {
        var e = self._ent();
        var o = typeof other === "string" ? parseRect(other) : other._ent().rect;
        var r0 = Math.min(e.rect.row, o.row), c0 = Math.min(e.rect.col, o.col);
        var r1 = Math.max(e.rect.row + e.rect.rows, o.row + o.rows), c1 = Math.max(e.rect.col + e.rect.cols, o.col + o.cols);
        return { sheet: e.sheet, rect: { row: r0, col: c0, rows: r1 - r0, cols: c1 - c0 } };
      });
    };
    Range.prototype.getUsedRange = function (valuesOnly) {
      var self = this;
      return new Range(this.context, function () {
        var e = self._ent();
        var u = usedRect(e.sheet, !!valuesOnly);
        if (!u || !intersects(u, e.rect)) return { sheet: e.sheet, rect: { row: e.rect.row, col: e.rect.col, rows: 1, cols: 1 } };
        var r0 = Math.max(u.row, e.rect.row), c0 = Math.max(u.col, e.rect.col);
        var r1 = Math.min(u.row + u.rows, e.rect.row + e.rect.rows), c1 = Math.min(u.col + u.cols, e.rect.col + e.rect.cols);
        return { sheet: e.sheet, rect: { row: r0, col: c0, rows: r1 - r0, cols: c1 - c0 } };
      });
    };
    Range.prototype.merge = function (across) {
      var self = this;
      this.context._enqueue(function () {
        var e = self._ent();
        e.sheet.merges = e.sheet.merges || [];
        e.sheet.merges.push({ address: rectA1(e.rect), across: !!across });
      });
    };
    /* -- conditional formats (ExcelApi 1.6): only where the set is offered, as in an older Excel -- */
    function FormatRecorder(target) {
      var fill = {}, font = {};
      target.fill = fill;
      target.font = font;
      return { fill: fill, font: font };
    }
    function ConditionalFormatCollection(ctx, range) {
      this._ctx = ctx;
      this._range = range;
    }
    ConditionalFormatCollection.prototype.clearAll = function () {
      var range = this._range;
      this._ctx._enqueue(function () {
        var e = range._ent();
        var a = rectA1(e.rect);
        e.sheet.conditionalFormats = (e.sheet.conditionalFormats || []).filter(function (c) { return c.address !== a; });
      });
    };
    ConditionalFormatCollection.prototype.add = function (type) {
      var range = this._range;
      var rec = { type: type, format: {}, rule: null };
      var format = FormatRecorder(rec.format);
      var cf = {
        textComparison: {
          format: format,
          set rule(v) { rec.rule = JSON.parse(JSON.stringify(v)); },
          get rule() { return rec.rule; },
        },
      };
      this._ctx._enqueue(function () {
        if (type !== "ContainsText") throw officeError("InvalidArgument", "fake Excel: conditional format type " + type + " not modelled");
        var e = range._ent();
        e.sheet.conditionalFormats = e.sheet.conditionalFormats || [];
        rec.address = rectA1(e.rect);
        e.sheet.conditionalFormats.push(rec);
      });
      return cf;
    };
    Object.defineProperty(Range.prototype, "conditionalFormats", {
      get: function () {
        if (!versionOk(sets.ExcelApi || "1.1", "1.6")) return undefined;
        return this._cfs || (this._cfs = new ConditionalFormatCollection(this.context, this));
      },
    });
    Range.prototype.select = function () {
      var self = this;
      this.context._enqueue(function () {
        var e = self._ent();
        st.selection = { sheet: e.sheet.id, rect: e.rect };
        st.activeSheet = e.sheet.id;
      });
    };
    Range.prototype.clear = function (applyTo) {
      var self = this;
      this.context._enqueue(function () {
        var e = self._ent();
        var what = applyTo || "All";
        eachCell(clip(e.sheet, e.rect), function (r, c) {
          var cell = getCell(e.sheet, r, c);
          if (!cell) return;
          if (what === "All" || what === "Contents") {
            cell.v = null;
            cell.f = null;
            cell.error = undefined;
          }
          if (what === "All" || what === "Formats") {
            cell.fmt = "General";
            cell.style = {};
          }
        });
        st.log.push({ op: "clear", sheet: e.sheet.name, address: rectA1(e.rect) });
      });
    };
    /** A big rectangle cut down to the cells that exist (for clearing whole columns). */
    function clip(sheet, rect) {
      if (rect.rows * rect.cols <= 200000) return rect;
      var u = usedRect(sheet, false);
      if (!u || !intersects(u, rect)) return { row: 0, col: 0, rows: 0, cols: 0 };
      var r0 = Math.max(u.row, rect.row), c0 = Math.max(u.col, rect.col);
      return { row: r0, col: c0, rows: Math.min(u.row + u.rows, rect.row + rect.rows) - r0, cols: Math.min(u.col + u.cols, rect.col + rect.cols) - c0 };
    }

    /* -- range format: any property path is stored per cell (font/bold, fill/color, …) -- */
    function RangeFormat(ctx, range, path) {
      this._ctx = ctx;
      this._range = range;
      this._path = path;
      this._loaded = {};
      var self = this;
      ["font", "fill", "protection", "borders"].forEach(function (k) {
        if (path === "") Object.defineProperty(self, k, { get: function () { return self["_" + k] || (self["_" + k] = new RangeFormat(ctx, range, k)); } });
      });
    }
    var FORMAT_PROPS = {
      "": ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment", "verticalAlignment", "indentLevel", "textOrientation"],
      font: ["bold", "italic", "color", "size", "name", "underline", "strikethrough"],
      fill: ["color", "pattern"],
      protection: ["locked"],
      borders: [],
    };
    Object.keys(FORMAT_PROPS).forEach(function (path) {
      FORMAT_PROPS[path].forEach(function (name) {
        var full = path ? path + "/" + name : name;
        if (Object.getOwnPropertyDescriptor(RangeFormat.prototype, name)) return;
        Object.defineProperty(RangeFormat.prototype, name, {
          get: function () {
            var k = this._path ? this._path + "/" + name : name;
            if (!Object.prototype.hasOwnProperty.call(this._loaded, k)) throw notLoaded(name);
            return this._loaded[k];
          },
          set: function (v) {
            var range = this._range;
            var k = this._path ? this._path + "/" + name : name;
            this._ctx._enqueue(function () {
              var e = range._ent();
              if (k === "columnWidth") {
                for (var j = 0; j < e.rect.cols; j++) e.sheet.colWidths[e.rect.col + j] = v;
                return;
              }
              if (e.rect.rows >= MAX_ROWS) {
                for (var c = 0; c < e.rect.cols; c++) {
                  e.sheet.colStyles[e.rect.col + c] = e.sheet.colStyles[e.rect.col + c] || {};
                  e.sheet.colStyles[e.rect.col + c][k] = v;
                }
                return;
              }
              eachCell(e.rect, function (r, c) {
                getCell(e.sheet, r, c, true).style[k] = v;
              });
            });
          },
        });
        void full;
      });
    });
    RangeFormat.prototype._loadNow = function (paths) {
      var self = this;
      var e = self._range._ent();
      paths.forEach(function (p) {
        var k = self._path ? self._path + "/" + p : p;
        if (k === "columnWidth") {
          var w = e.sheet.colWidths[e.rect.col];
          self._loaded[k] = w === undefined ? 48 : w;
          return;
        }
        var c = getCell(e.sheet, e.rect.row, e.rect.col);
        var v = c && c.style[k] !== undefined ? c.style[k] : e.sheet.colStyles[e.rect.col] ? e.sheet.colStyles[e.rect.col][k] : undefined;
        self._loaded[k] = v === undefined ? (k === "font/bold" || k === "wrapText" ? false : null) : v;
      });
    };
    RangeFormat.prototype._loadPath = function (parts) {
      if (parts.length > 1) this[parts[0]]._loadPath(parts.slice(1));
      else if (this._path === "" && (parts[0] === "font" || parts[0] === "fill")) this[parts[0]]._loadNow(FORMAT_PROPS[parts[0]]);
      else this._loadNow([parts[0]]);
    };
    RangeFormat.prototype.load = function (what) {
      var self = this;
      var paths = parseLoad(what, FORMAT_PROPS[this._path] || []);
      this._ctx._enqueue(function () {
        paths.forEach(function (p) { self._loadPath(p.split("/")); });
      });
      return this;
    };
    RangeFormat.prototype.autofitColumns = function () {};
    RangeFormat.prototype.autofitRows = function () {};
    RangeFormat.prototype.clear = function () {
      var range = this._range;
      var path = this._path;
      this._ctx._enqueue(function () {
        var e = range._ent();
        eachCell(clip(e.sheet, e.rect), function (r, c) {
          var cell = getCell(e.sheet, r, c);
          if (!cell) return;
          Object.keys(cell.style).forEach(function (k) {
            if (!path || k.indexOf(path + "/") === 0) delete cell.style[k];
          });
        });
      });
    };
    RangeFormat.prototype.getItem = function (which) {
      return new RangeFormat(this._ctx, this._range, "borders/" + which);
    };
    ["style", "color", "weight"].forEach(function (name) {
      if (Object.getOwnPropertyDescriptor(RangeFormat.prototype, name)) return;
      Object.defineProperty(RangeFormat.prototype, name, {
        set: function (v) {
          var range = this._range;
          var k = this._path + "/" + name;
          this._ctx._enqueue(function () {
            var e = range._ent();
            eachCell(e.rect, function (r, c) { getCell(e.sheet, r, c, true).style[k] = v; });
          });
        },
        get: function () {
          return this._loaded[this._path + "/" + name];
        },
      });
    });

    /* -- data validation -- */
    function DataValidation(ctx, range) {
      this._ctx = ctx;
      this._range = range;
      this._loaded = {};
    }
    ["rule", "errorAlert", "prompt", "ignoreBlanks"].forEach(function (name) {
      Object.defineProperty(DataValidation.prototype, name, {
        get: function () {
          if (!Object.prototype.hasOwnProperty.call(this._loaded, name)) throw notLoaded(name);
          return this._loaded[name];
        },
        set: function (v) {
          var range = this._range;
          this._ctx._enqueue(function () {
            var e = range._ent();
            if (name === "rule") {
              var kinds = Object.keys(v || {});
              if (kinds.length !== 1) throw officeError("InvalidArgument", "A data validation rule needs exactly one type.");
            }
            eachCell(e.rect, function (r, c) {
              var cell = getCell(e.sheet, r, c, true);
              cell.validation = cell.validation || { ignoreBlanks: true };
              cell.validation[name] = JSON.parse(JSON.stringify(v));
            });
          });
        },
      });
    });
    DataValidation.prototype.clear = function () {
      var range = this._range;
      this._ctx._enqueue(function () {
        var e = range._ent();
        eachCell(clip(e.sheet, e.rect), function (r, c) {
          var cell = getCell(e.sheet, r, c);
          if (cell) cell.validation = null;
        });
      });
    };
    DataValidation.prototype.load = function (what) {
      var self = this;
      var paths = parseLoad(what, ["rule", "errorAlert", "prompt", "ignoreBlanks", "type"]);
      this._ctx._enqueue(function () {
        var e = self._range._ent();
        var c = getCell(e.sheet, e.rect.row, e.rect.col);
        var dv = (c && c.validation) || null;
        paths.forEach(function (p) {
          if (p === "type") self._loaded.type = dv && dv.rule ? Object.keys(dv.rule)[0] : "None";
          else self._loaded[p] = dv ? dv[p] : null;
        });
      });
      return this;
    };
    Object.defineProperty(DataValidation.prototype, "type", {
      get: function () {
        if (!("type" in this._loaded)) throw notLoaded("type");
        return this._loaded.type;
      },
    });

    /* -- tables -- */
    function tableRect(t) {
      return { row: t.row, col: t.col, rows: t.rows, cols: t.cols };
    }
    function TableCollection(ctx, sheetResolver) {
      ClientObject.call(this, ctx, function () { return st.tables; });
      this._sheetResolver = sheetResolver;
      this.onChanged = new EventSource(ctx, "tableChanged", null);
    }
    inherit(TableCollection);
    TableCollection.prototype._scope = function () {
      if (!this._sheetResolver) return st.tables.slice();
      var s = this._sheetResolver();
      return st.tables.filter(function (t) { return t.sheet === s; });
    };
    collectionOf(TableCollection, Table, function (self) { return self._scope(); }, { count: true });
    TableCollection.prototype.add = function (address, hasHeaders) {
      var self = this;
      var ctx = this.context;
      var t = new Table(ctx, function () { return t._entity; });
      ctx._enqueue(function () {
        var sheet, rect;
        if (typeof address === "string") {
          var bang = address.lastIndexOf("!");
          if (bang >= 0) sheet = findSheet(st, address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'"));
          else sheet = self._sheetResolver ? self._sheetResolver() : sheetById(st, st.activeSheet) || st.sheets[0];
          rect = parseRect(address);
        } else {
          var e = address._ent();
          sheet = e.sheet;
          rect = e.rect;
        }
        if (!sheet) throw officeError("ItemNotFound", "The sheet of the table was not found.");
        st.tables.forEach(function (o) {
          if (o.sheet === sheet && intersects(tableRect(o), rect)) throw officeError("InvalidArgument", "A table can't overlap another table.");
        });
        if (!hasHeaders) {
          // Excel inserts a header row above the data.
          shiftDown(sheet, rect.row, rect.col, rect.cols, 1);
          rect = { row: rect.row, col: rect.col, rows: rect.rows + 1, cols: rect.cols };
          for (var j = 0; j < rect.cols; j++) {
            var hc = getCell(sheet, rect.row, rect.col + j, true);
            hc.v = "Column" + (j + 1);
            hc.f = null;
          }
        } else {
          var seen = {};
          for (var k = 0; k < rect.cols; k++) {
            var c = getCell(sheet, rect.row, rect.col + k, true);
            var name = c.v === null || c.v === "" ? "Column" + (k + 1) : String(c.v);
            var base = name, n = 2;
            while (seen[name.toLowerCase()]) name = base + n++;
            seen[name.toLowerCase()] = true;
            c.v = name;
            c.f = null;
          }
        }
        var tbl = { id: String(st.nextTableId), name: "Table" + st.nextTableId++, sheet: sheet, row: rect.row, col: rect.col, rows: rect.rows, cols: rect.cols, style: "TableStyleMedium2", showHeaders: true };
        st.tables.push(tbl);
        t._entity = tbl;
        st.log.push({ op: "addTable", sheet: sheet.name, address: rectA1(rect) });
      });
      return t;
    };
    TableCollection.prototype.getItem = function (name) {
      var self = this;
      return new Table(this.context, function () {
        var t = findTable(st, name);
        return t && self._scope().indexOf(t) >= 0 ? t : null;
      });
    };
    TableCollection.prototype.getItemOrNullObject = function (name) {
      var self = this;
      return new Table(
        this.context,
        function () {
          var t = findTable(st, name);
          return t && self._scope().indexOf(t) >= 0 ? t : null;
        },
        { nullable: true },
      );
    };
    TableCollection.prototype.getCount = function () {
      var self = this;
      var res = { value: undefined };
      this.context._enqueue(function () { res.value = self._scope().length; });
      return res;
    };

    /** Inserts `n` blank rows at `row` in columns col..col+cols-1 (cells below move down). */
    function shiftDown(sheet, row, col, cols, n) {
      var moved = {};
      Object.keys(sheet.cells).forEach(function (k) {
        var p = k.split(",");
        var r = +p[0], c = +p[1];
        if (r >= row && c >= col && c < col + cols) {
          moved[key(r + n, c)] = sheet.cells[k];
          delete sheet.cells[k];
        }
      });
      Object.keys(moved).forEach(function (k) { sheet.cells[k] = moved[k]; });
      st.tables.forEach(function (t) {
        if (t.sheet === sheet && t.row >= row && t.col >= col && t.col + t.cols <= col + cols) t.row += n;
      });
    }
    function shiftRight(sheet, row, rows, col, n) {
      var moved = {};
      Object.keys(sheet.cells).forEach(function (k) {
        var p = k.split(",");
        var r = +p[0], c = +p[1];
        if (c >= col && r >= row && r < row + rows) {
          moved[key(r, c + n)] = sheet.cells[k];
          delete sheet.cells[k];
        }
      });
      Object.keys(moved).forEach(function (k) { sheet.cells[k] = moved[k]; });
    }

    function Table(ctx, resolver, opts) {
      ClientObject.call(this, ctx, resolver, opts);
      var self = this;
      this.rows = new TableRowCollection(ctx, this);
      this.columns = new TableColumnCollection(ctx, this);
      this.onChanged = new EventSource(ctx, "tableChanged", this);
      Object.defineProperty(this, "worksheet", {
        get: function () {
          if (!self._ws) self._ws = new Worksheet(ctx, function () { return self._ent().sheet; });
          return self._ws;
        },
      });
    }
    inherit(Table);
    Table.prototype._nav = { worksheet: function () { return this.worksheet; } };
    props(Table, ["name", "id", "style", "showHeaders", "showTotals", "showBandedRows", "showFilterButton"], {
      name: function (v) {
        var t = this._ent();
        var o = findTable(st, v);
        if (o && o !== t) throw officeError("InvalidArgument", "A table with the name " + v + " already exists.");
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v)) throw officeError("InvalidArgument", "Bad table name " + v);
        t.name = v;
      },
      style: function (v) { this._ent().style = v; },
      showHeaders: function (v) { this._ent().showHeaders = v; },
      showTotals: function (v) { this._ent().showTotals = v; },
      showBandedRows: function (v) { this._ent().showBandedRows = v; },
      showFilterButton: function (v) { this._ent().showFilterButton = v; },
    });
    Table.prototype._read = function (p) {
      return this._ent()[p];
    };
    function tableRange(table, fn) {
      return new Range(table.context, function () {
        var t = table._ent();
        return { sheet: t.sheet, rect: fn(t) };
      });
    }
    Table.prototype.getRange = function () {
      return tableRange(this, tableRect);
    };
    Table.prototype.getHeaderRowRange = function () {
      return tableRange(this, function (t) { return { row: t.row, col: t.col, rows: 1, cols: t.cols }; });
    };
    Table.prototype.getDataBodyRange = function () {
      return tableRange(this, function (t) { return { row: t.row + 1, col: t.col, rows: Math.max(1, t.rows - 1), cols: t.cols }; });
    };
    Table.prototype.delete = function () {
      var self = this;
      this.context._enqueue(function () {
        var t = self._ent();
        st.tables.splice(st.tables.indexOf(t), 1);
      });
    };
    Table.prototype.convertToRange = function () {
      this.delete();
      return this.getRange();
    };

    function TableRowCollection(ctx, table) {
      this._ctx = ctx;
      this._table = table;
    }
    TableRowCollection.prototype.add = function (index, values) {
      var table = this._table;
      this._ctx._enqueue(function () {
        var t = table._ent();
        var n = Array.isArray(values) ? values.length : 1;
        if (Array.isArray(values) && values.some(function (r) { return !Array.isArray(r) || r.length !== t.cols; }))
          throw officeError("InvalidArgument", "The number of columns in the values doesn't match the table.");
        var at = index === undefined || index === null ? t.row + t.rows : t.row + 1 + index;
        shiftDown(t.sheet, at, t.col, t.cols, n);
        t.rows += n;
        for (var i = 0; i < n; i++)
          for (var j = 0; j < t.cols; j++) {
            var v = Array.isArray(values) ? values[i][j] : "";
            var cell = getCell(t.sheet, at + i, t.col + j, true);
            var above = getCell(t.sheet, at - 1, t.col + j);
            if (above && above.fmt && cell.fmt === "General") cell.fmt = above.fmt;
            var res = coerce(v, cell.fmt);
            cell.v = res.v;
            cell.f = res.f;
          }
        st.log.push({ op: "tableRows", table: t.name, count: n });
      });
      return { context: this._ctx };
    };
    TableRowCollection.prototype.getItemAt = function (i) {
      var table = this._table;
      var ctx = this._ctx;
      return {
        getRange: function () {
          return tableRange(table, function (t) { return { row: t.row + 1 + i, col: t.col, rows: 1, cols: t.cols }; });
        },
        delete: function () {
          ctx._enqueue(function () {
            var t = table._ent();
            var row = t.row + 1 + i;
            for (var j = 0; j < t.cols; j++) delete t.sheet.cells[key(row, t.col + j)];
            // cells below within the table's columns move up
            var moved = {};
            Object.keys(t.sheet.cells).forEach(function (k) {
              var p = k.split(",");
              var r = +p[0], c = +p[1];
              if (r > row && c >= t.col && c < t.col + t.cols) {
                moved[key(r - 1, c)] = t.sheet.cells[k];
                delete t.sheet.cells[k];
              }
            });
            Object.keys(moved).forEach(function (k) { t.sheet.cells[k] = moved[k]; });
            t.rows -= 1;
          });
        },
      };
    };
    Object.defineProperty(TableRowCollection.prototype, "count", {
      get: function () {
        throw notLoaded("count");
      },
    });
    TableRowCollection.prototype.load = function () {
      return this;
    };

    function TableColumnCollection(ctx, table) {
      this._ctx = ctx;
      this._table = table;
    }
    TableColumnCollection.prototype.add = function (index, values, name) {
      var table = this._table;
      this._ctx._enqueue(function () {
        var t = table._ent();
        var at = index === undefined || index === null ? t.col + t.cols : t.col + index;
        shiftRight(t.sheet, t.row, t.rows, at, 1);
        t.cols += 1;
        var h = getCell(t.sheet, t.row, at, true);
        h.v = name || "Column" + t.cols;
        h.f = null;
        if (Array.isArray(values))
          values.forEach(function (r, i) {
            if (i === 0 && name) return;
            var c = getCell(t.sheet, t.row + i, at, true);
            var res = coerce(r[0], c.fmt);
            c.v = res.v;
            c.f = res.f;
          });
        st.log.push({ op: "tableColumn", table: t.name, name: h.v });
      });
      return {};
    };

    /* -- names -- */
    function NamedItemCollection(ctx) {
      ClientObject.call(this, ctx, function () { return st.names; });
    }
    inherit(NamedItemCollection);
    collectionOf(NamedItemCollection, NamedItem, function () { return st.names; });
    NamedItemCollection.prototype.add = function (name, reference, comment) {
      var ctx = this.context;
      var x = new NamedItem(ctx, function () { return x._entity; });
      ctx._enqueue(function () {
        st.names.forEach(function (n) {
          if (n.name.toLowerCase() === String(name).toLowerCase()) throw officeError("ItemAlreadyExists", "The name " + name + " already exists.");
        });
        var sheet, rect;
        if (typeof reference === "string") {
          var s = reference.replace(/^=/, "");
          var bang = s.lastIndexOf("!");
          sheet = findSheet(st, s.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'"));
          rect = parseRect(s.slice(bang + 1));
        } else {
          var e = reference._ent();
          sheet = e.sheet;
          rect = e.rect;
        }
        var n = { name: String(name), sheet: sheet, rect: rect, comment: comment || "" };
        st.names.push(n);
        x._entity = n;
      });
      return x;
    };
    NamedItemCollection.prototype.getItem = function (name) {
      return new NamedItem(this.context, function () { return findName(name); });
    };
    NamedItemCollection.prototype.getItemOrNullObject = function (name) {
      return new NamedItem(this.context, function () { return findName(name); }, { nullable: true });
    };
    function findName(name) {
      for (var i = 0; i < st.names.length; i++) if (st.names[i].name.toLowerCase() === String(name).toLowerCase()) return st.names[i];
      return null;
    }
    function nameRef(n) {
      var r = n.rect;
      var abs = "$" + colLetter(r.col) + "$" + (r.row + 1);
      if (r.rows > 1 || r.cols > 1) abs += ":$" + colLetter(r.col + r.cols - 1) + "$" + (r.row + r.rows);
      return "=" + quoteSheet(n.sheet.name) + "!" + abs;
    }
    function NamedItem(ctx, resolver, opts) {
      ClientObject.call(this, ctx, resolver, opts);
    }
    inherit(NamedItem);
    props(NamedItem, ["name", "type", "value", "formula", "comment", "visible"]);
    NamedItem.prototype._read = function (p) {
      var n = this._ent();
      switch (p) {
        case "name":
          return n.name;
        case "type":
          return "Range";
        case "value":
        case "formula":
          return nameRef(n);
        case "comment":
          return n.comment;
        case "visible":
          return true;
      }
    };
    NamedItem.prototype.getRange = function () {
      var self = this;
      return new Range(this.context, function () {
        var n = self._ent();
        return { sheet: n.sheet, rect: n.rect };
      });
    };
    NamedItem.prototype.delete = function () {
      var self = this;
      this.context._enqueue(function () {
        var n = self._ent();
        st.names.splice(st.names.indexOf(n), 1);
      });
    };

    /* ---------------- globals ---------------- */

    var theme =
      options.theme === "dark"
        ? { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#333333", controlForegroundColor: "#FFFFFF" }
        : { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#000000" };

    var settings = {};
    var readyInfo = { host: "Excel", platform: "PC" };
    var Office = {
      HostType: { Excel: "Excel", Word: "Word" },
      PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      context: {
        host: "Excel",
        platform: "PC",
        displayLanguage: options.displayLanguage || "vi-VN",
        contentLanguage: options.displayLanguage || "vi-VN",
        officeTheme: options.noTheme ? undefined : theme,
        diagnostics: { host: "Excel", platform: "PC", version: "16.0.17000.10000" },
        requirements: {
          isSetSupported: function (name, version) {
            return Object.prototype.hasOwnProperty.call(sets, name) && versionOk(sets[name], version);
          },
        },
        document: {
          settings: {
            get: function (k) { return Object.prototype.hasOwnProperty.call(settings, k) ? settings[k] : null; },
            set: function (k, v) { settings[k] = v; },
            remove: function (k) { delete settings[k]; },
            saveAsync: function (cb) { if (cb) cb({ status: "succeeded" }); },
          },
        },
      },
      onReady: function (cb) {
        if (options.ready === "never") return new Promise(function () {});
        return new Promise(function (resolve) {
          setTimeout(function () {
            if (typeof Office.initialize === "function") Office.initialize("");
            if (cb) cb(readyInfo);
            resolve(readyInfo);
          }, 0);
        });
      },
      actions: {
        _map: {},
        associate: function (name, fn) { this._map[name] = fn; },
      },
      addin: {
        showAsTaskpane: function () { return Promise.resolve(); },
        hide: function () { return Promise.resolve(); },
      },
    };

    var Excel = {
      run: function (a, b) {
        var batch = typeof a === "function" ? a : b;
        var ctx = new RequestContext();
        return Promise.resolve()
          .then(function () { return batch(ctx); })
          .then(function (result) {
            if (ctx._queue.length) return ctx.sync().then(function () { return result; });
            return result;
          });
      },
      RequestContext: RequestContext,
      SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
      DataValidationOperator: { between: "Between", notBetween: "NotBetween", equalTo: "EqualTo", notEqualTo: "NotEqualTo", greaterThan: "GreaterThan", lessThan: "LessThan", greaterThanOrEqualTo: "GreaterThanOrEqualTo", lessThanOrEqualTo: "LessThanOrEqualTo" },
      DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
      ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
      EventSource: { local: "Local", remote: "Remote" },
      DataChangeType: { unknown: "Unknown", rangeEdited: "RangeEdited", rowInserted: "RowInserted", rowDeleted: "RowDeleted", columnInserted: "ColumnInserted", columnDeleted: "ColumnDeleted", cellInserted: "CellInserted", cellDeleted: "CellDeleted" },
      EventType: { worksheetChanged: "WorksheetChanged", tableChanged: "TableChanged" },
      ErrorCodes: { itemNotFound: "ItemNotFound", invalidArgument: "InvalidArgument", propertyNotLoaded: "PropertyNotLoaded", generalException: "GeneralException" },
    };

    var OfficeExtension = {
      Error: Error,
      ErrorCodes: { generalException: "GeneralException", propertyNotLoaded: "PropertyNotLoaded" },
      Promise: Promise,
    };

    /* ---------------- the test's view ---------------- */

    function cellView(c) {
      if (!c) return null;
      var out = { v: c.v === undefined ? null : c.v };
      if (c.f) out.formula = c.f;
      if (c.fmt && c.fmt !== "General") out.format = c.fmt;
      if (c.error) out.error = c.error;
      if (c.validation) out.validation = c.validation;
      var keys = Object.keys(c.style);
      if (keys.length) {
        out.style = {};
        keys.sort().forEach(function (k) { out.style[k] = c.style[k]; });
      }
      return out;
    }
    function sheetOf(name) {
      var s = findSheet(st, name);
      if (!s) throw new Error("fake Excel: no sheet " + name);
      return s;
    }
    function fire(sheetName, address, extra) {
      var s = sheetOf(sheetName);
      var rect = parseRect(address);
      var args = {
        type: "WorksheetChanged",
        changeType: "RangeEdited",
        source: (extra && extra.source) || "Local",
        worksheetId: s.id,
        address: rectA1(rect),
      };
      var calls = [];
      st.handlers.forEach(function (h) {
        if (!h.active) return;
        if (h.kind === "changed") {
          if (h.target && h.target._ent() !== s) return;
          calls.push(h.handler(args));
        } else if (h.kind === "tableChanged") {
          var tables = st.tables.filter(function (t) { return t.sheet === s && intersects(tableRect(t), rect); });
          tables.forEach(function (t) {
            if (h.target && h.target._ent() !== t) return;
            calls.push(h.handler({ type: "TableChanged", changeType: "RangeEdited", source: args.source, worksheetId: s.id, tableId: t.id, address: args.address }));
          });
        }
      });
      return Promise.all(calls);
    }
    function setContent(sheetName, address, value) {
      var s = sheetOf(sheetName);
      var rect = parseRect(address);
      eachCell(rect, function (r, c, i, j) {
        var v = Array.isArray(value) ? value[i][j] : value;
        var cell = getCell(s, r, c, true);
        if (v && typeof v === "object") {
          if ("formula" in v) cell.f = v.formula || null;
          if ("v" in v) cell.v = v.v;
          if ("format" in v) cell.fmt = v.format;
          if ("error" in v) {
            cell.error = v.error;
            cell.v = null;
          }
        } else {
          var res = coerce(v, cell.fmt);
          cell.v = res.v;
          cell.f = res.f;
          cell.error = undefined;
        }
      });
    }

    var api = {
      state: st,
      get syncCount() {
        return st.syncCount;
      },
      resetSyncCount: function () {
        st.syncCount = 0;
      },
      sets: sets,
      sheets: function () {
        return st.sheets.map(function (s, i) {
          return { name: s.name, visibility: s.visibility, position: i, freezeRows: s.freezeRows, id: s.id };
        });
      },
      addSheet: function (name, cells) {
        var s = newSheet(st, name);
        st.sheets.push(s);
        if (!st.activeSheet) st.activeSheet = s.id;
        Object.keys(cells || {}).forEach(function (a) { setContent(name, a, cells[a]); });
        return s.id;
      },
      setCell: function (sheet, address, value, opts) {
        setContent(sheet, address, value);
        if (opts && opts.fire) return fire(sheet, address, opts);
        return Promise.resolve();
      },
      /** Sets the cached (calculated) value of formula cells. */
      setCached: function (sheet, address, value) {
        var s = sheetOf(sheet);
        eachCell(parseRect(address), function (r, c, i, j) {
          var cell = getCell(s, r, c, true);
          cell.v = Array.isArray(value) ? value[i][j] : value;
        });
      },
      cell: function (sheet, address) {
        var p = parseRect(address);
        return cellView(getCell(sheetOf(sheet), p.row, p.col));
      },
      /** Every non-empty cell of a sheet, by A1 address. */
      cells: function (sheet) {
        var s = sheetOf(sheet);
        var out = {};
        Object.keys(s.cells)
          .map(function (k) { return k.split(",").map(Number); })
          .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
          .forEach(function (p) {
            var c = s.cells[key(p[0], p[1])];
            if (isEmptyCell(c) && !hasFormat(c)) return;
            out[a1(p[0], p[1])] = cellView(c);
          });
        return out;
      },
      values: function (sheet, address) {
        var s = sheetOf(sheet);
        return grid(parseRect(address), function (r, c) {
          var cell = getCell(s, r, c);
          return cell ? (cell.f ? cell.f : cell.v) : null;
        });
      },
      /** Print set-up of a sheet (ExcelApi 1.9), or null. */
      pageLayout: function (sheet) {
        return sheetOf(sheet).pageLayout || null;
      },
      /** Conditional formats of a sheet: [{ address, type, rule, format }]. */
      conditionalFormats: function (sheet) {
        return JSON.parse(JSON.stringify(sheetOf(sheet).conditionalFormats || []));
      },
      merges: function (sheet) {
        return (sheetOf(sheet).merges || []).slice();
      },
      columnWidths: function (sheet) {
        return Object.assign({}, sheetOf(sheet).colWidths);
      },
      tables: function () {
        return st.tables.map(function (t) {
          return { name: t.name, sheet: t.sheet.name, address: rectA1(tableRect(t)), style: t.style };
        });
      },
      names: function () {
        return st.names.map(function (n) { return { name: n.name, ref: nameRef(n).slice(1), comment: n.comment }; });
      },
      selection: function () {
        if (!st.selection) return null;
        var s = sheetById(st, st.selection.sheet);
        return { sheet: s ? s.name : null, address: rectA1(st.selection.rect) };
      },
      activeSheet: function () {
        var s = st.activeSheet && sheetById(st, st.activeSheet);
        return s ? s.name : null;
      },
      fireChange: fire,
      handlerCount: function () {
        return st.handlers.filter(function (h) { return h.active; }).length;
      },
      /** The whole workbook as plain data, for before/after comparisons. */
      dump: function () {
        return {
          sheets: st.sheets.map(function (s) {
            return { name: s.name, visibility: s.visibility, freezeRows: s.freezeRows, colWidths: Object.assign({}, s.colWidths), cells: api.cells(s.name) };
          }),
          tables: api.tables(),
          names: api.names(),
        };
      },
      log: st.log,
    };

    (options.sheets || []).forEach(function (s) {
      api.addSheet(s.name, s.cells);
      var sheet = findSheet(st, s.name);
      if (s.visibility) sheet.visibility = s.visibility;
      // Tables the workbook already holds: [{ name, address: "A8:G35" }].
      (s.tables || []).forEach(function (t) {
        var r = parseRect(t.address);
        st.tables.push({ id: String(st.nextTableId++), name: t.name, sheet: sheet, row: r.row, col: r.col, rows: r.rows, cols: r.cols, style: "TableStyleMedium2", showHeaders: true });
      });
    });
    // Workbook-level names the workbook already holds: [{ name, ref: "'_phuluc'!$B$1" }].
    (options.names || []).forEach(function (n) {
      var ref = String(n.ref).replace(/^=/, "");
      var bang = ref.lastIndexOf("!");
      st.names.push({ name: n.name, sheet: findSheet(st, ref.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'")), rect: parseRect(ref.slice(bang + 1)), comment: "" });
    });

    win.Office = Office;
    win.Excel = Excel;
    win.OfficeExtension = OfficeExtension;
    win.__fakeExcel = api;
    return { Office: Office, Excel: Excel, OfficeExtension: OfficeExtension, fake: api };
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { createFakeOffice: function (options) { return install({}, options); }, install: install };
  } else if (root && !root.__fakeOfficeManual) {
    install(root, root.__fakeOfficeOptions || {});
  }
})(typeof window !== "undefined" ? window : typeof globalThis !== "undefined" ? globalThis : this);
