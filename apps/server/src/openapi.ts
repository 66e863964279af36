/**
 * @module The OpenAPI 3.1 document of the REST routes of the enabled plugins, generated
 * from the same schemas that decode their input.
 */
import type { Operation, WharfPlugin } from "@wharf/core"
import { Schema } from "effect"

const jsonSchema = (schema: Schema.Top) => {
  const doc = Schema.toJsonSchemaDocument(schema)
  return { schema: doc.schema, definitions: doc.definitions }
}

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")

const operationObject = (plugin: string, op: Operation, components: Record<string, unknown>) => {
  const params = [...op.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" }
  }))
  const query: unknown[] = []
  if (op.query) {
    const { schema, definitions } = jsonSchema(op.query)
    Object.assign(components, definitions)
    const props = (schema as { properties?: Record<string, unknown>; required?: string[] }).properties ?? {}
    const required = new Set((schema as { required?: string[] }).required ?? [])
    for (const [name, s] of Object.entries(props))
      query.push({ name, in: "query", required: required.has(name), schema: s })
  }
  let requestBody: unknown
  if (op.body) {
    const { schema, definitions } = jsonSchema(op.body)
    Object.assign(components, definitions)
    requestBody = { required: true, content: { "application/json": { schema } } }
  }
  return {
    tags: [plugin],
    summary: op.summary,
    ...(op.access === "public" ? { security: [] } : {}),
    ...(params.length + query.length > 0 ? { parameters: [...params, ...query] } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [String(op.status)]: { description: "Success" },
      "400": { $ref: "#/components/responses/Error" },
      ...(op.access === "public" ? {} : { "401": { $ref: "#/components/responses/Error" } }),
      ...(op.access === "agent" || op.access === "admin"
        ? { "403": { $ref: "#/components/responses/Error" } }
        : {})
    }
  }
}

export const openApiDocument = (plugins: ReadonlyArray<WharfPlugin>, serverUrl: string) => {
  const paths: Record<string, Record<string, unknown>> = {}
  const schemas: Record<string, unknown> = {}
  for (const p of plugins) {
    for (const op of p.routes?.operations ?? []) {
      const path = `/api/v1${toOpenApiPath(op.path)}`
      paths[path] = { ...paths[path], [op.method]: operationObject(p.id, op, schemas) }
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Wharf REST API",
      version: "1",
      description: "Every route accepts a session cookie or `Authorization: Bearer <API token>`."
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API token created in the console (Profile → API tokens)"
        },
        session: { type: "apiKey", in: "cookie", name: "wharf_session" }
      },
      responses: {
        Error: {
          description: "What went wrong, in words",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  error: {
                    type: "object",
                    properties: {
                      code: { type: "string" },
                      message: { type: "string" },
                      issues: { type: "array" }
                    },
                    required: ["code", "message"]
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
