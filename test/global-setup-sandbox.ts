// Integration tests that call Invoice Cloud get a sandbox process of their own.
import type { TestProject } from "vitest/node";
import { startSandbox } from "./sandbox-process";

export default async function setup(project: TestProject) {
  const sandbox = await startSandbox({ SANDBOX_LOG_LEVEL: "silent", SANDBOX_POSTBACK_RETRY_MS: "100" });
  project.provide("sandboxUrl", sandbox.url);
  return () => sandbox.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    sandboxUrl: string;
  }
}
