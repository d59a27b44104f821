// autocannon ships no types; the benchmark uses its programmatic API only through load.ts.
declare module "autocannon";
