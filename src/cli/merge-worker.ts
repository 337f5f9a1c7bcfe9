/** A worker thread of `phuluc merge`: reads the workbooks it is sent, one message each. */
import { parentPort, workerData } from "worker_threads";
import { readUnit } from "./merge-read";

const lang = workerData && workerData.lang === "en" ? "en" : "vi";
if (parentPort) {
  const port = parentPort;
  port.on("message", (m: { file: string }) => {
    void readUnit(m.file, lang).then((u) => port.postMessage(u));
  });
}
