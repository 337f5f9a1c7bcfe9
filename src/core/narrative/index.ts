export * from "./phrases";
export * from "./summary";
export * from "./lists";
export * from "./appendix";
export * from "./report";
