/**
 * The ribbon's function file. Both buttons of the "Phụ lục số liệu" group open the task
 * pane (ShowTaskpane actions: "Kiểm tra" opens taskpane.html?view=check), so no command
 * runs code here; the manifest still requires a FunctionFile, and this page must
 * initialise Office.js for the buttons to work on every host.
 */
Office.onReady(() => {
  /* nothing to register */
});
