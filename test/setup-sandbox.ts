import { inject } from "vitest";

process.env.INVOICE_CLOUD_BASE_URL = inject("sandboxUrl");
process.env.INVOICE_CLOUD_TIMEOUT_MS = "3000";
