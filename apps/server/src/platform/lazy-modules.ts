// Heavy document libraries load on first use, not at start: together they cost about 60 MB of
// memory and a quarter of a second of start-up that most requests never need (bench/README.md).
export const loadExcelJs = () => import('exceljs').then((m) => m.default);
export const loadPdfKit = () => import('pdfkit').then((m) => m.default);
