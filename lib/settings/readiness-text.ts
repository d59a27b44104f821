// Words for each reason that a biller's payment settings are not complete (admin screens).
import type { Readiness } from "./payment-readiness";

export const READINESS_TEXT: Record<Extract<Readiness, { ready: false }>["reason"], string> = {
  not_configured: "Enter the API key and select an invoice type, then save.",
  no_api_key: "Enter the API key, then save.",
  no_type_id: "Select an invoice type from the list, then save.",
};
