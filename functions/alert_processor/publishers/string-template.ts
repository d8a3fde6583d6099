import { isJsonObject } from "./tree-walk";

/**
 * Renders a Python `str.format` style template with named fields: `{name}`, `{name[key]}`,
 * `{name.attr}` and `{{`/`}}` for literal braces. Objects render as JSON. A field that does not
 * resolve renders as `<missing: name>` rather than failing the whole message.
 */
export function renderTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (token, field: string | undefined) => {
    if (token === "{{") return "{";
    if (token === "}}") return "}";
    const spec = (field ?? "").split(/[!:]/, 1)[0].trim();
    const value = resolveField(values, spec);
    if (value === undefined) return `<missing: ${spec}>`;
    return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
  });
}

function resolveField(values: Record<string, unknown>, spec: string): unknown {
  const path = /^([^.[]+)((?:\.[^.[]+|\[[^\]]*\])*)$/.exec(spec);
  if (!path) return undefined;
  let current: unknown = Object.hasOwn(values, path[1]) ? values[path[1]] : undefined;
  const steps = path[2].match(/\.[^.[]+|\[[^\]]*\]/g) ?? [];
  for (const step of steps) {
    const key = step.startsWith(".") ? step.slice(1) : step.slice(1, -1);
    if (Array.isArray(current) && /^\d+$/.test(key)) current = current[Number(key)];
    else if (isJsonObject(current) && Object.hasOwn(current, key)) current = current[key];
    else return undefined;
  }
  return current;
}
