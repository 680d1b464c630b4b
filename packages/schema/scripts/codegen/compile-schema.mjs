// @ts-check
// A compiler from our subset of JSON Schema draft 2020-12 to straight-line JavaScript: one function per
// distinct schema node, shared by every kind whose schema reaches it.
//
// Each function is `(d, p, y, e, h) => boolean`: `d` the data, `p` and `y` its JSON Pointer (the parent's
// and the escaped key, `y` undefined when `d` is at `p` itself, so a leaf builds its pointer only for an
// error), `e` the error list, `h` how deep `d` lies in the document. With `e` null it is the fast check (it returns false at the first
// failure and never builds a pointer); with a list it is the full pass, which goes on after a failure and
// appends errors in the shape and order of ajv's `allErrors` + `verbose` mode, so src/map-errors.ts reads
// them as it reads a run-time validator's (the full pass's return value is not read).
// A keyword outside the subset stops codegen: the validators never silently ignore part of a schema.
import { ANNOTATION_KEYWORDS, isNode } from "./source.mjs";

/** @typedef {import("./source.mjs").SchemaNode} SchemaNode */

/** Keywords that never decide validity. `deprecated` is read by the generated deprecation checks. */
export const ANNOTATIONS = new Set(["$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default", "deprecated", ...Object.keys(ANNOTATION_KEYWORDS)]);

/** Keywords this compiler implements, in ajv's evaluation order within their group. */
export const GROUPS = {
  any: ["$ref", "const", "enum", "allOf", "if", "then"],
  number: ["maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum"],
  string: ["maxLength", "minLength", "pattern", "format"],
  array: ["maxItems", "minItems", "uniqueItems", "items"],
  object: ["maxProperties", "minProperties", "required", "propertyNames", "additionalProperties", "properties"],
  post: ["unevaluatedProperties"],
};
const KNOWN = new Set(["type", ...Object.values(GROUPS).flat()]);

/** The data test of each JSON type, as ajv writes it with strictNumbers. */
export const TYPE_TESTS = {
  string: 'typeof d==="string"',
  number: '(typeof d==="number"&&isFinite(d))',
  integer: "Number.isInteger(d)",
  boolean: 'typeof d==="boolean"',
  null: "d===null",
  object: '(typeof d==="object"&&d!==null&&!Array.isArray(d))',
  array: "Array.isArray(d)",
};

/** The formats src/formats.ts implements, by the helper the generated code calls. */
export const FORMATS = { date: "isDate", uri: "isUri" };

/** Where an error site writes the pointer of the node: the parent's and the key, joined only for an error. */
const HERE = "p,y";

/** A value nested beyond the limit where no schema constrains it: a failure, or in the full pass a mark on the list. */
const DEEP = "if(!e)return false;e.deep=true;";

export const COMPARISONS = { maximum: ["<=", ">"], minimum: [">=", "<"], exclusiveMaximum: ["<", ">="], exclusiveMinimum: [">", "<="] };

/** @param {unknown} value */
const js = (value) => JSON.stringify(value);

/** A schema node without its annotations: what decides validity. */
export function essential(/** @type {SchemaNode} */ node) {
  return Object.fromEntries(Object.entries(node).filter(([key]) => !ANNOTATIONS.has(key)));
}

/** Whether a schema accepts everything (`true` or `{}` up to annotations). */
export function acceptsAll(/** @type {unknown} */ node) {
  return node === true || (isNode(node) && Object.keys(essential(node)).length === 0);
}

/**
 * What src/map-errors.ts reads of an error's parentSchema: the description of a node with a pattern (it
 * says what the pattern means); of an object, its property names, the description of each required one
 * (it says what is missing) and each one's const, and the same through allOf/if/then.
 * @param {unknown} node
 * @returns {unknown}
 */
export function readerView(node) {
  if (!isNode(node)) return node;
  /** @type {SchemaNode} */
  const view = {};
  if (typeof node.description === "string" && typeof node.pattern === "string") view.description = node.description;
  const required = Array.isArray(node.required) ? node.required : [];
  if (isNode(node.properties)) {
    view.properties = Object.fromEntries(
      Object.entries(node.properties).map(([name, child]) => {
        if (!isNode(child)) return [name, child];
        const kept = {};
        if (required.includes(name) && typeof child.description === "string") kept.description = child.description;
        if ("const" in child) kept.const = child.const;
        return [name, kept];
      }),
    );
  }
  for (const key of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(node[key])) view[key] = node[key].map(readerView);
  for (const key of ["if", "then", "else"]) if (key in node) view[key] = readerView(node[key]);
  return view;
}

/**
 * Whether `node` is `target` or holds it inline (not through a $ref).
 * @param {unknown} node
 * @param {unknown} target
 * @returns {boolean}
 */
export function holds(node, target) {
  if (node === target) return true;
  if (typeof node !== "object" || node === null) return false;
  return Object.values(node).some((value) => holds(value, target));
}

/**
 * Stops codegen at a keyword outside the subset, so no validator silently ignores part of a schema.
 * @param {SchemaNode} node
 * @param {string} base
 */
export function refuseUnknownKeywords(node, base) {
  for (const key of Object.keys(node)) {
    if (!ANNOTATIONS.has(key) && !KNOWN.has(key)) throw new Error(`codegen: the validators do not implement the keyword "${key}" (${base})`);
  }
}

/**
 * The members of a node's `allOf`, with the node's own `if`/`then` as one more, numbered in that
 * order: each an if/then `branch` (with the properties its condition and its branch name) or a
 * `member` schema applied whole. Both backends read a node's members through this one rule.
 * @param {Record<string, unknown>} node @param {string} base
 * @returns {{ i: number, branch?: { if: Record<string, any>, then: Record<string, any>, ifProps: string[], thenProps: string[] }, member?: unknown }[]}
 */
export function allOfMembers(node, base) {
  if (node.allOf === undefined && node.if === undefined) return [];
  const members = [...(Array.isArray(node.allOf) ? node.allOf : []), ...(node.if !== undefined ? [{ if: node.if, then: node.then }] : [])];
  return members.map((member, i) => {
    if (!isNode(member)) throw new Error(`codegen: allOf member ${i} is not a schema (${base})`);
    const kept = essential(member);
    if (Object.keys(kept).every((k) => k === "if" || k === "then") && isNode(kept.if) && isNode(kept.then)) {
      return { i, branch: { if: kept.if, then: kept.then, ifProps: Object.keys(kept.if.properties ?? {}), thenProps: Object.keys(kept.then.properties ?? {}) } };
    }
    if (node.unevaluatedProperties !== undefined) throw new Error(`codegen: unevaluatedProperties beside an allOf member other than if/then (${base})`);
    return { i, member };
  });
}

export class SchemaCompiler {
  /** @param {Map<string, SchemaNode>} registry schemas by $id */
  constructor(registry) {
    this.registry = registry;
    /** @type {Map<string, string>} function name by content key */
    this.byKey = new Map();
    /** @type {{ name: string, calls: Set<string>, code: unknown }[]} the functions (or another backend's nodes), in the order they were finished */
    this.compiled = [];
    /** @type {Map<string, string>} constant name by its code */
    this.constants = new Map();
    /** @type {string[]} */
    this.constantDeclarations = [];
    this.count = 0;
  }

  /**
   * A module-level constant holding `code`, shared by every function that needs the same one.
   * @param {string} prefix
   * @param {string} code
   */
  constant(prefix, code) {
    let name = this.constants.get(code);
    if (name === undefined) {
      name = `${prefix}${this.constants.size}`;
      this.constants.set(code, name);
      this.constantDeclarations.push(`const ${name} = ${code};`);
    }
    return name;
  }

  /**
   * The function declarations. A function that can call itself (through a $ref loop) refuses, in the
   * fast check, data nested deeper than `recursionLimit`, so a document it accepts is never too deep
   * and needs no depth walk before the check. The full pass goes on below that limit but not past an
   * object at `maxDepth`, which makes the document too deep for certain: it marks the error list
   * `deep` instead, and the caller walks the depth.
   * @param {number} recursionLimit
   * @param {number} maxDepth
   * @returns {string[]}
   */
  functions(recursionLimit, maxDepth) {
    const recursive = this.recursive();
    return this.compiled.map(({ name, code }) =>
      recursive.has(name)
        ? /** @type {string} */ (code).replace("{", `{if(h>${recursionLimit}){if(!e)return false;if(h>=${maxDepth}&&typeof d==="object"&&d!==null){e.deep=true;return true;}}`)
        : /** @type {string} */ (code),
    );
  }

  /** The functions that can call themselves (through a $ref loop). */
  recursive() {
    const byName = new Map(this.compiled.map((f) => [f.name, f]));
    const reaches = (/** @type {string} */ from, /** @type {string} */ to) => {
      const seen = new Set();
      const stack = [...(byName.get(from)?.calls ?? [])];
      while (stack.length > 0) {
        const next = /** @type {string} */ (stack.pop());
        if (next === to) return true;
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(...(byName.get(next)?.calls ?? []));
      }
      return false;
    };
    return new Set(this.compiled.filter(({ name }) => reaches(name, name)).map(({ name }) => name));
  }

  /**
   * The schema a `$ref` names, with the $id it is read under.
   * @param {string} ref
   * @param {string} base
   * @returns {{ node: SchemaNode, base: string, at: string }}
   */
  resolve(ref, base) {
    const url = new URL(ref, base);
    const fragment = decodeURIComponent(url.hash.slice(1));
    url.hash = "";
    const document = url.href;
    let node = this.registry.get(document);
    if (fragment !== "") {
      if (!fragment.startsWith("/")) throw new Error(`codegen: $ref ${ref} is not a JSON Pointer fragment`);
      for (const segment of fragment.slice(1).split("/")) {
        const key = segment.replace(/~1/g, "/").replace(/~0/g, "~");
        node = isNode(node) && Object.hasOwn(node, key) ? node[key] : undefined;
      }
    }
    if (!isNode(node)) throw new Error(`codegen: $ref ${ref} (from ${base}) does not resolve`);
    return { node, base: document, at: `${document}#${fragment}` };
  }

  /**
   * A node with every $ref made absolute, for the content key: equal keys, equal functions.
   * @param {unknown} node
   * @param {string} base
   * @returns {unknown}
   */
  absolute(node, base) {
    if (Array.isArray(node)) return node.map((n) => this.absolute(n, base));
    if (!isNode(node)) return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, key === "$ref" && typeof value === "string" ? this.resolve(value, base).at : this.absolute(value, base)]),
    );
  }

  /**
   * The name of the function checking data against `node` (read under `base`).
   * @param {unknown} node
   * @param {string} base
   * @param {ReadonlyMap<unknown, string>} [overrides] functions standing in for some child nodes
   * @returns {string}
   */
  fn(node, base, overrides) {
    const override = overrides?.get(node);
    if (override !== undefined) return override;
    if (!isNode(node)) throw new Error(`codegen: a schema is ${js(node)}; only object schemas are compiled`);
    if (typeof node.$id === "string" && node.$id !== base) base = node.$id;
    const kept = essential(node);
    // A node that only refers to another checks what that one checks.
    if (Object.keys(kept).length === 1 && typeof kept.$ref === "string") {
      const target = this.resolve(kept.$ref, base);
      return this.fn(target.node, target.base);
    }
    const overridden = overrides ? [...overrides.entries()].map(([n, name]) => [this.absolute(n, base), name]) : [];
    const key = js([this.absolute(kept, base), readerView(node), overridden]);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const name = `v${this.count++}`;
    this.byKey.set(key, name);
    this.compiled.push(this.body(name, node, base, overrides));
    return name;
  }

  /**
   * @param {string} name
   * @param {SchemaNode} node
   * @param {string} base
   * @param {ReadonlyMap<unknown, string> | undefined} overrides
   * @returns {{ name: string, calls: Set<string>, code: unknown }}
   */
  body(name, node, base, overrides) {
    refuseUnknownKeywords(node, base);
    // Overrides reach only the children that hold an overridden node, so the others stay shared.
    /** @type {Set<string>} */
    const calls = new Set();
    const use = (/** @type {string} */ fn) => (calls.add(fn), fn);
    const child = (/** @type {unknown} */ sub) => use(this.fn(sub, base, overrides && [...overrides.keys()].some((o) => holds(sub, o)) ? overrides : undefined));
    const meta = () => this.constant("s", js(readerView(node)));
    /** An error site: in the fast check, a failure; in the full pass, an error appended. */
    const fail = (/** @type {string} */ keyword, /** @type {string} */ params, parent = "0") => `{if(!e)return false;E(e,${HERE},${js(keyword)},${params},${parent},d);}`;
    /** A call of a sub-check (when `when` holds): its errors are already appended. */
    // A call below this node passes this node's pointer and the child's key; a call at the same place
    // passes the pointer and key it got. Only a node with children builds its own pointer (once).
    let below = false;
    let readsProperty = false;
    const call = (/** @type {string} */ fn, /** @type {string} */ data, /** @type {string} */ key, when = "", depth = "h+1") => {
      if (key !== "p,y") below = true;
      const at = key === "p,y" ? key : `q,${key}`;
      return `if(${when}!${fn}(${data},${at},e,${depth})&&!e)return false;`;
    };
    const has = (/** @type {string[]} */ keys) => keys.some((k) => node[k] !== undefined);

    const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
    for (const t of types) if (!(t in TYPE_TESTS)) throw new Error(`codegen: unknown type ${js(t)} (${base})`);
    const typeTest = types.map((t) => TYPE_TESTS[/** @type {keyof TYPE_TESTS} */ (t)]).join("||");
    const typeError = `if(!T(e,${HERE},${js(types.join(","))},d))return false;`;
    const groupOf = { number: "number", string: "string", array: "array", object: "object" };
    // ajv checks a single type inside the group of its keywords when there are some, else up front.
    const typeInGroup = types.length === 1 && types[0] in groupOf && has(GROUPS[/** @type {keyof groupOf} */ (types[0])]);
    const out = [];
    if (Object.keys(essential(node)).length === 0) out.push(`if(!W(d,h)){${DEEP}}`);
    if (types.length > 0 && !typeInGroup) out.push(`if(!(${typeTest}))${typeError.replace(/^if/, "{if").replace(/$/, "}")}`);

    // Keywords for any type.
    if (typeof node.$ref === "string") {
      const target = this.resolve(node.$ref, base);
      out.push(call(use(this.fn(target.node, target.base)), "d", "p,y", "", "h"));
    }
    if (node.const !== undefined) {
      const test = typeof node.const === "object" && node.const !== null ? `equal(d,${this.constant("c", js(node.const))})` : `d===${js(node.const)}`;
      out.push(`if(!(${test}))${fail("const", `{allowedValue:${js(node.const)}}`)}`);
    }
    if (node.enum !== undefined) {
      if (!Array.isArray(node.enum) || !node.enum.every((v) => v === null || typeof v !== "object")) throw new Error(`codegen: enum of structured values (${base})`);
      const values = this.constant("a", js(node.enum));
      const test = node.enum.length <= 8 ? node.enum.map((v) => `d===${js(v)}`).join("||") : `${this.constant("n", `new Set(${values})`)}.has(d)`;
      out.push(`if(!(${test}))${fail("enum", `{allowedValues:${values}}`)}`);
    }
    /** @type {{ ifProps: string[], thenProps: string[] }[]} */
    const branches = [];
    for (const { i, branch, member } of allOfMembers(node, base)) {
      if (branch) {
        // An if/then branch: the condition is checked silently, the branch with errors.
        out.push(`const b${i}=${child(branch.if)}(d,p,y,null,h);${call(child(branch.then), "d", "p,y", `b${i}&&`, "h")}`);
        branches.push(branch);
      } else out.push(call(child(member), "d", "p,y", "", "h"));
    }

    /** @param {string} group @param {string[]} code */
    const grouped = (group, code) => {
      if (code.length === 0) return;
      const inGroup = typeInGroup && types[0] === group;
      out.push(`if(${TYPE_TESTS[/** @type {keyof TYPE_TESTS} */ (group)]}){${code.join("")}}${inGroup ? `else ${typeError}` : ""}`);
    };

    const numbers = [];
    for (const keyword of GROUPS.number) {
      const limit = node[keyword];
      if (limit === undefined) continue;
      if (typeof limit !== "number") throw new Error(`codegen: ${keyword} must be a number (${base})`);
      const [comparison, failing] = COMPARISONS[/** @type {keyof COMPARISONS} */ (keyword)];
      numbers.push(`if(d${failing}${limit})${fail(keyword, `{comparison:${js(comparison)},limit:${limit}}`)}`);
    }
    grouped("number", numbers);

    const strings = [];
    if (node.maxLength !== undefined) strings.push(`if(d.length>${node.maxLength}&&ucs2length(d)>${node.maxLength})${fail("maxLength", `{limit:${node.maxLength}}`)}`);
    if (node.minLength !== undefined) {
      const min = node.minLength;
      const test = min === 1 ? "d.length===0" : `d.length<${2 * min}&&ucs2length(d)<${min}`;
      strings.push(`if(${test})${fail("minLength", `{limit:${min}}`)}`);
    }
    if (node.pattern !== undefined) {
      const pattern = this.constant("r", `new RegExp(${js(node.pattern)},"u")`);
      strings.push(`if(!${pattern}.test(d))${fail("pattern", `{pattern:${js(node.pattern)}}`, meta())}`);
    }
    if (node.format !== undefined) {
      const helper = FORMATS[/** @type {keyof FORMATS} */ (node.format)];
      if (helper === undefined) throw new Error(`codegen: src/formats.ts implements no format ${js(node.format)} (${base})`);
      strings.push(`if(!${helper}(d))${fail("format", `{format:${js(node.format)}}`)}`);
    }
    grouped("string", strings);

    const arrays = [];
    if (node.maxItems !== undefined) arrays.push(`if(d.length>${node.maxItems})${fail("maxItems", `{limit:${node.maxItems}}`)}`);
    if (node.minItems !== undefined) arrays.push(`if(d.length<${node.minItems})${fail("minItems", `{limit:${node.minItems}}`)}`);
    if (node.uniqueItems === true) {
      // ajv's order: from the end, each item against the ones before it; the first pair found is reported.
      arrays.push(`outer:for(let i=d.length;i-->1;)for(let j=i;j--;)if(equal(d[i],d[j])){if(!e)return false;E(e,${HERE},"uniqueItems",{i,j},0,d);break outer;}`);
    }
    if (node.items === undefined || acceptsAll(node.items)) {
      if (types.includes("array")) arrays.push(`for(let i=0;i<d.length;i++)if(!W(d[i],h+1)){${DEEP}break;}`);
    } else {
      arrays.push(`for(let i=0;i<d.length;i++)${call(child(node.items), "d[i]", "i")}`);
    }
    grouped("array", arrays);

    const objects = [];
    const properties = isNode(node.properties) ? node.properties : {};
    const names = Object.keys(properties);
    if (node.maxProperties !== undefined) objects.push(`if(Object.keys(d).length>${node.maxProperties})${fail("maxProperties", `{limit:${node.maxProperties}}`)}`);
    if (node.minProperties !== undefined) objects.push(`if(Object.keys(d).length<${node.minProperties})${fail("minProperties", `{limit:${node.minProperties}}`, meta())}`);
    if (Array.isArray(node.required) && node.required.length > 0) {
      // One test on the way of a valid document; the fields are listed only when one is missing.
      const missing = node.required.map((field) => `d[${js(field)}]===undefined`).join("||");
      const fields = this.constant("q", js(node.required));
      objects.push(`if((${missing})&&!R(d,${fields},${HERE},e,${meta()}))return false;`);
    }
    if (node.propertyNames !== undefined && !acceptsAll(node.propertyNames)) {
      // The key's own errors, named by the key (the pointer is the object's).
      const names = child(node.propertyNames);
      objects.push(`for(const k in d)if(!e){if(!${names}(k,p,y,null,h))return false;}else{const m=e.length;${names}(k,p,y,e,h);for(let i=m;i<e.length;i++)e[i].propertyName=k;}`);
    }
    const declared = (/** @type {string[]} */ list) =>
      // Keys read from JSON are interned strings, so a chain of comparisons beats a Set up to a few dozen names.
      list.length === 0 ? "false" : list.length <= 40 ? list.map((n) => `k===${js(n)}`).join("||") : `${this.constant("n", `new Set(${js(list)})`)}.has(k)`;
    if (node.additionalProperties === false) {
      objects.push(`for(const k in d)if(!(${declared(names)}))${fail("additionalProperties", "{additionalProperty:k}", meta())}`);
    } else if (node.additionalProperties !== undefined && !acceptsAll(node.additionalProperties)) {
      const check = child(node.additionalProperties);
      const test = names.length > 0 ? `if(${declared(names)})continue;` : "";
      objects.push(`for(const k in d){${test}${call(check, "d[k]", "e&&esc(k)")}}`);
    } else if (types.includes("object") && node.unevaluatedProperties === undefined) {
      // Values no schema constrains are only kept within the depth a document may nest.
      objects.push(`for(const k in d)if(!(${declared(names)})&&!W(d[k],h+1)){${DEEP}break;}`);
    }
    for (const name of names) {
      const sub = properties[name];
      if (acceptsAll(sub)) {
        objects.push(`if(!W(d[${js(name)}],h+1)){${DEEP}}`);
        continue;
      }
      const at = js(name.replace(/~/g, "~0").replace(/\//g, "~1"));
      if (at === js(name)) {
        // The common case, a key that is its own pointer segment: the value read once, the key written once.
        below = true;
        readsProperty = true;
        objects.push(`if((x=d[${at}])!==undefined&&!${child(sub)}(x,q,${at},e,g)&&!e)return false;`);
      } else objects.push(call(child(sub), `d[${js(name)}]`, at, `d[${js(name)}]!==undefined&&`));
    }
    grouped("object", objects);

    if (node.unevaluatedProperties !== undefined) {
      if (node.unevaluatedProperties !== false) throw new Error(`codegen: unevaluatedProperties other than false (${base})`);
      if (node.additionalProperties !== undefined) throw new Error(`codegen: unevaluatedProperties beside additionalProperties (${base})`);
      // Evaluated: the node's own properties, each branch's condition, and the fields of a branch whose condition holds.
      const always = new Set([...names, ...branches.flatMap((b) => b.ifProps)]);
      const tests = [declared([...always]), ...branches.map((b, i) => (b.thenProps.length > 0 ? `(b${i}&&(${declared(b.thenProps)}))` : "")).filter(Boolean)];
      out.push(`if(${TYPE_TESTS.object})for(const k in d)if(!(${tests.join("||")}))${fail("unevaluatedProperties", "{unevaluatedProperty:k}", meta())}`);
    }
    // The fast check returns false at the first failure, so reaching the end means valid; the full
    // pass's answer is never read (its errors are).
    // Its own pointer: the parent's and its key (undefined at the same place as the parent).
    const own = (below ? "const q=e&&(y===undefined?p:p+\"/\"+y);" : "") + (readsProperty ? "let x,g=h+1;" : "");
    const code = out.join("");
    return { name, calls, code: `function ${name}(d,p,y,e,h){${own}${code}return true;}` };
  }
}
