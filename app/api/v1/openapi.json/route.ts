// GET /api/v1/openapi.json – the OpenAPI 3.1 document, generated from the zod schemas the handlers use.
import { buildOpenApiDocument } from "@/lib/api/openapi";

export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
