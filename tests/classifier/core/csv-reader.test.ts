// The CSV reader reproduces Python's csv.reader (expected rows were produced with CPython's csv
// module; where it raises, StreamAlert kept the rows read before the error).
import { parseRows } from "../../../functions/classifier/parsers/csv";
import {
  type CsvDialect,
  readCsvRows,
  readSimpleCsvLine,
} from "../../../functions/classifier/parsers/csv-reader";

const comma: CsvDialect = { delimiter: ",", quote: '"' };

describe("readCsvRows", () => {
  it.each<[string, string, Partial<CsvDialect>, string[][]]>([
    ["plain fields", "a,b,c", {}, [["a", "b", "c"]]],
    ["a quoted delimiter", 'a,"b,c",d', {}, [["a", "b,c", "d"]]],
    ["doubled quotes", '"a ""q"" b",c', {}, [['a "q" b', "c"]]],
    ["an unterminated quote runs to the end", 'a,"unterminated', {}, [["a", "unterminated"]]],
    [
      "one row per line",
      "a,b\nc,d\n",
      {},
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    ["an empty line is an empty row", "a,b\n\nc,d", {}, [["a", "b"], [], ["c", "d"]]],
    ["a line break inside quotes", '"multi\nline",x', {}, [["multi\nline", "x"]]],
    ["a quote inside an unquoted field", 'a"b,c', {}, [['a"b', "c"]]],
    ["text after a closing quote", '"a"b,c', {}, [["ab", "c"]]],
    [
      "CRLF line ends",
      "a,b\r\nc,d\r\n",
      {},
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    ["a stray CR ends reading", "a\rb", {}, []],
    ["rows before a malformed line are kept", 'a,b\nbad"\rx\nc,d', {}, [["a", "b"]]],
    ["an escaped delimiter", "a\\,b,c", { escape: "\\" }, [["a,b", "c"]]],
    ["an escaped quote in quotes", '"a\\"b",c', { escape: "\\" }, [['a"b', "c"]]],
    ["another quote character", "'x,y',z", { quote: "'" }, [["x,y", "z"]]],
    [
      "another delimiter and empty fields",
      "a|b||c|",
      { delimiter: "|" },
      [["a", "b", "", "c", ""]],
    ],
    ["only a delimiter", ",", {}, [["", ""]]],
    ["no text", "", {}, []],
  ])("%s", (_case, text, dialect, rows) => {
    expect(readCsvRows(text, { ...comma, ...dialect })).toEqual(rows);
  });
});

describe("parseRows shortcuts", () => {
  it("read the common one-line shape in one pass", () => {
    const rds = { delimiter: ",", quote: "'", escape: "\\" };
    expect(readSimpleCsvLine("17,db,'SELECT a, b FROM t',0", rds)).toEqual([
      "17",
      "db",
      "SELECT a, b FROM t",
      "0",
    ]);
    expect(readSimpleCsvLine("a,,'',", comma)).toEqual(["a", "", "''", ""]);
    expect(readSimpleCsvLine("a\\,b", rds)).toBeUndefined(); // an escape: the full reader
  });

  it("give what the reader gives on generated texts", () => {
    const alphabet = ["a", "b", ",", "'", '"', "\\", " ", "\n", "\r"];
    const dialects: CsvDialect[] = [
      comma,
      { delimiter: ",", quote: "'", escape: "\\" },
      { delimiter: ",", quote: "'", escape: "'" },
      { delimiter: "'", quote: "'" },
    ];
    let seed = 11;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let n = 0; n < 20000; n++) {
      let text = "";
      const length = next() % 12;
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
      const dialect = dialects[n % dialects.length];
      expect([text, parseRows(text, dialect)]).toEqual([text, readCsvRows(text, dialect)]);
    }
  });
});
