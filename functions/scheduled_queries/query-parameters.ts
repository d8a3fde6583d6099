// The built-in query parameters (StreamAlert's streamquery set) and filling a query's
// placeholders. Date-hours are `YYYY-MM-DD-HH` in UTC, the format of the `dt` partitions.
import type { QueryParameter } from "./scheduled-query";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function dateHour(time: Date): string {
  return time.toISOString().slice(0, 13).replace("T", "-");
}

const epochSeconds = (time: Date) => String(Math.round(time.getTime() / 1000));
const before = (ms: number) => (time: Date) => new Date(time.getTime() - ms);

export const BUILT_IN_PARAMETERS: Readonly<Record<string, QueryParameter>> = {
  utcdatehour: (time) => dateHour(time),
  utcdatehour_minus1hour: (time) => dateHour(before(HOUR_MS)(time)),
  utcdatehour_minus2hour: (time) => dateHour(before(2 * HOUR_MS)(time)),
  utcdatehour_minus1day: (time) => dateHour(before(DAY_MS)(time)),
  utcdatehour_minus2day: (time) => dateHour(before(2 * DAY_MS)(time)),
  utcdatehour_minus7day: (time) => dateHour(before(7 * DAY_MS)(time)),
  utctimestamp: (time) => epochSeconds(time),
  utctimestamp_minus1hour: (time) => epochSeconds(before(HOUR_MS)(time)),
  // StreamAlert returned epoch seconds here too; an ISO time is what the name promises.
  utcisotime: (time) => `${time.toISOString().slice(0, 19)}Z`,
};

type TemplatePart = { text: string } | { param: string };

/** Splits a template into text and `{param}` parts; `{{`/`}}` are literal braces. */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  const pattern = /\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
  let last = 0;
  let text = "";
  for (const match of template.matchAll(pattern)) {
    text += template.slice(last, match.index);
    last = (match.index ?? 0) + match[0].length;
    if (match[0] === "{{") text += "{";
    else if (match[0] === "}}") text += "}";
    else {
      if (text) parts.push({ text });
      text = "";
      parts.push({ param: match[1] });
    }
  }
  text += template.slice(last);
  if (text) parts.push({ text });
  return parts;
}

/** Parameter names a template uses, in order of first use. */
export function templateParameters(template: string): string[] {
  const names: string[] = [];
  for (const part of parseTemplate(template)) {
    if ("param" in part && !names.includes(part.param)) names.push(part.param);
  }
  return names;
}

/** The SQL to run: every placeholder filled for `runTime`; throws naming an unknown one. */
export function renderQuery(
  queryName: string,
  template: string,
  runTime: Date,
  custom: Record<string, QueryParameter> = {},
): string {
  return parseTemplate(template)
    .map((part) => {
      if ("text" in part) return part.text;
      const generate = custom[part.param] ?? BUILT_IN_PARAMETERS[part.param];
      if (!generate) {
        throw new Error(
          `scheduled query "${queryName}": unknown parameter {${part.param}}; use one of ${Object.keys(BUILT_IN_PARAMETERS).join(", ")} or define it in the query's params`,
        );
      }
      return generate(runTime);
    })
    .join("");
}
