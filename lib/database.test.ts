import { describe, expect, it } from "vitest";
import { postgresConnection } from "./database";

const options = (connectionString: string) => new URL(connectionString).searchParams.get("options");

describe("postgresConnection", () => {
  it("puts the schema on the search path and every session in UTC", () => {
    const c = postgresConnection("postgresql://app@db:5432/permitpay?schema=tenant_a");
    expect(c.schema).toBe("tenant_a");
    expect(options(c.connectionString)).toBe("-c search_path=tenant_a -c TimeZone=UTC");
    expect(new URL(c.connectionString).searchParams.has("schema")).toBe(false);
  });

  it("keeps a search_path given in options, and overrides a different time zone (the last -c wins)", () => {
    const url = `postgresql://app@db/permitpay?options=${encodeURIComponent("-c search_path=x -c TimeZone=America/Toronto")}`;
    const c = postgresConnection(url);
    expect(c.schema).toBe("x");
    expect(options(c.connectionString)).toBe("-c search_path=x -c TimeZone=America/Toronto -c TimeZone=UTC");
  });

  it("sets only the time zone without a schema", () => {
    const c = postgresConnection("postgresql://app@db/permitpay");
    expect(c.schema).toBeUndefined();
    expect(options(c.connectionString)).toBe("-c TimeZone=UTC");
  });
});
