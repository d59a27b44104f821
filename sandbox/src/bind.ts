// Binds a parsed JSON body to the CPV2 request's field names the way Invoice Cloud's .NET API does,
// before validation (docs/sandbox.md, "Binding rules", gives each rule's evidence):
// - property names match case-insensitively (TypeId == TypeID, AchServiceFee == ACHServiceFee);
//   unknown properties are ignored; the same property twice in different cases is refused;
// - a numeric field takes a JSON number or a string holding a plain decimal number ("42", "60.00").
// Every leniency used is written down as a note, shown on the dashboard beside the request.

/** A leaf field is "int", "decimal" (money) or "other"; an object field has a shape of its own. */
type Field = "int" | "decimal" | "other" | Shape;
type Shape = { readonly [canonical: string]: Field };

const INVOICE: Shape = {
  InvoiceNumber: "other",
  TypeId: "int",
  InvoiceDate: "other",
  DueDate: "other",
  BalanceDue: "decimal",
  CCServiceFee: "decimal",
  AchServiceFee: "decimal",
};
const CUSTOMER: Shape = {
  AccountNumber: "other",
  Name: "other",
  Address: "other",
  City: "other",
  State: "other",
  Zip: "other",
  EmailAddress: "other",
  Invoices: INVOICE,
};
const INVOICE_OPTIONS: Shape = {
  AllowViewStatement: "other",
  AllowRemove: "other",
  AllowViewRelated: "other",
  AllowRemindMe: "other",
};
const ROOT: Shape = {
  Customers: CUSTOMER,
  BillerReference: "other",
  ReturnURL: "other",
  PostBackURL: "other",
  CreateCustomerRecord: "other",
  AllowCCPayment: "other",
  AllowACHPayment: "other",
  CustomReturnSiteName: "other",
  AllowSwipe: "other",
  ViewMode: "int",
  CSSUrl: "other",
  PageResultOptions: { AllowRegisterAccount: "other", InvoiceOptions: INVOICE_OPTIONS },
};

/** A request that cannot be bound at all; the message names the field. */
export class BindError extends Error {}

export interface Bound {
  /** The body with canonical property names and numeric strings turned into numbers. */
  value: unknown;
  /** How the request was read, e.g. 'Customers[0].Invoices[0].TypeID given as a string ("42"); accepted'. */
  notes: string[];
  /** The path of each property as the client spelt it, by its canonical path (for messages). */
  names: Map<string, string>;
}

// The grammar of a JSON number without exponent: what both .NET JSON binders read from a string.
const INT_STRING = /^-?(0|[1-9]\d*)$/;
const DECIMAL_STRING = /^-?(0|[1-9]\d*)(\.(\d+))?$/;
const MAX_NOTES = 50;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

export function bindCpRequest(body: unknown): Bound {
  const notes: string[] = [];
  const names = new Map<string, string>();
  const note = (text: string) => notes.push(text);

  const numeric = (kind: "int" | "decimal", value: unknown, where: string): unknown => {
    if (typeof value !== "string") return value;
    const m = (kind === "int" ? INT_STRING : DECIMAL_STRING).exec(value);
    // Anything else stays a string and is refused by validation ("must be a number").
    if (!m) return value;
    if (kind === "decimal" && (m[3] ?? "").replace(/0+$/, "").length > 2) {
      throw new BindError(`${where} must have at most 2 decimals`);
    }
    note(`${where} given as a string (${JSON.stringify(value)}); accepted`);
    return Number(value);
  };

  const bind = (value: unknown, shape: Shape, path: string, received: string): unknown => {
    if (Array.isArray(value)) return value.map((el, i) => bind(el, shape, `${path}[${i}]`, `${received}[${i}]`));
    if (!isPlainObject(value)) return value;
    const byLower = new Map(Object.keys(shape).map((k) => [k.toLowerCase(), k]));
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const canonical = byLower.get(key.toLowerCase());
      const seen = join(received, key);
      if (canonical === undefined) {
        note(`${seen} is not a CPV2 field; ignored`);
        continue;
      }
      const where = join(path, canonical);
      if (canonical in out) throw new BindError(`${where} is given more than once`);
      names.set(where, seen);
      if (key !== canonical) note(`${seen} read as ${canonical} (names match in any case)`);
      const field = shape[canonical] ?? "other";
      out[canonical] =
        field === "other" ? child : typeof field === "string" ? numeric(field, child, seen) : bind(child, field, where, seen);
    }
    return out;
  };

  const value = bind(body, ROOT, "", "");
  if (notes.length > MAX_NOTES) notes.splice(MAX_NOTES, notes.length - MAX_NOTES, `… and ${notes.length - MAX_NOTES} more`);
  return { value, notes, names };
}

/** A canonical path ("Customers", 0, "Invoices", 0, "TypeId") as the client spelt it: "Customers[0].Invoices[0].TypeID". */
export function receivedPath(names: ReadonlyMap<string, string>, path: readonly PropertyKey[]): string {
  let canonical = "";
  let received = "";
  for (const seg of path) {
    const piece = typeof seg === "number" ? `[${seg}]` : canonical ? `.${String(seg)}` : String(seg);
    canonical += piece;
    received = names.get(canonical) ?? received + piece;
  }
  return received;
}
