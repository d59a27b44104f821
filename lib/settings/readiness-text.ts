// Why a biller's payment settings are not complete (admin screens), as catalogue keys
// (messages/<locale>/admin.json): the page translates them.
import type { Readiness } from "./payment-readiness";

export const READINESS_TEXT: Record<Extract<Readiness, { ready: false }>["reason"], string> = {
  not_configured: "admin.settings.readiness.not_configured",
  no_api_key: "admin.settings.readiness.no_api_key",
  no_type_id: "admin.settings.readiness.no_type_id",
};
