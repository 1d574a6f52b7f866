// Generated from docs/openapi.json by scripts/client-types.ts (npm run client:types). Do not edit.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                        tenantId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                locale: string;
                                /**
                                 * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                                 * @enum {unknown}
                                 */
                                role: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                                tenantId: string | null;
                                permissions: string[];
                            };
                            csrfToken: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                locale: string;
                                /**
                                 * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                                 * @enum {unknown}
                                 */
                                role: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                                tenantId: string | null;
                                permissions: string[];
                            };
                            csrfToken: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            needed: boolean;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        email: string;
                        name: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                locale: string;
                                /**
                                 * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                                 * @enum {unknown}
                                 */
                                role: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                                tenantId: string | null;
                                permissions: string[];
                            };
                            csrfToken: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The platform's own tenant id; generated when omitted */
                        id?: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/system/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                email: string;
                                name: string;
                                locale: string;
                                /**
                                 * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                                 * @enum {unknown}
                                 */
                                role: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                                tenantId: string | null;
                                disabled: boolean;
                                canSignIn: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        name: string;
                        locale?: string;
                        /**
                         * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                         * @enum {unknown}
                         */
                        role?: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            locale: string;
                            /**
                             * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                             * @enum {unknown}
                             */
                            role: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                            tenantId: string | null;
                            disabled: boolean;
                            canSignIn: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            locale: string;
                            /**
                             * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                             * @enum {unknown}
                             */
                            role: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                            tenantId: string | null;
                            disabled: boolean;
                            canSignIn: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        locale?: string;
                        /**
                         * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                         * @enum {unknown}
                         */
                        role?: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                        password?: string;
                        disabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            locale: string;
                            /**
                             * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                             * @enum {unknown}
                             */
                            role: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                            tenantId: string | null;
                            disabled: boolean;
                            canSignIn: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                email: string;
                                name: string;
                                locale: string;
                                /**
                                 * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                                 * @enum {unknown}
                                 */
                                role: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                                tenantId: string | null;
                                disabled: boolean;
                                canSignIn: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        name: string;
                        locale?: string;
                        /**
                         * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                         * @enum {unknown}
                         */
                        role?: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            locale: string;
                            /**
                             * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                             * @enum {unknown}
                             */
                            role: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                            tenantId: string | null;
                            disabled: boolean;
                            canSignIn: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/users/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        name: string;
                        locale?: string;
                        /**
                         * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                         * @enum {unknown}
                         */
                        role?: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                    }[];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                email: string;
                                name: string;
                                locale: string;
                                /**
                                 * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                                 * @enum {unknown}
                                 */
                                role: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                                tenantId: string | null;
                                disabled: boolean;
                                canSignIn: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            locale: string;
                            /**
                             * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                             * @enum {unknown}
                             */
                            role: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                            tenantId: string | null;
                            disabled: boolean;
                            canSignIn: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        locale?: string;
                        /**
                         * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                         * @enum {unknown}
                         */
                        role?: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                        password?: string;
                        disabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            locale: string;
                            /**
                             * @description system_admin (system scope only), tenant_admin, tenant_viewer or member
                             * @enum {unknown}
                             */
                            role: "system_admin" | "tenant_admin" | "tenant_viewer" | "member";
                            tenantId: string | null;
                            disabled: boolean;
                            canSignIn: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/system/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                label: string;
                                tenantId: string | null;
                                permissions: string[];
                                createdBy: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string | null;
                                /** Format: date-time */
                                lastUsedAt: string | null;
                                /** Format: date-time */
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label: string;
                        permissions: ("events:write" | "settings:read" | "settings:write" | "deliveries:read")[];
                        /** Format: date-time */
                        expiresAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Shown once; only its hash is stored. */
                            token: string;
                            apiToken: {
                                id: string;
                                label: string;
                                tenantId: string | null;
                                permissions: string[];
                                createdBy: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string | null;
                                /** Format: date-time */
                                lastUsedAt: string | null;
                                /** Format: date-time */
                                revokedAt: string | null;
                            };
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tokenId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            label: string;
                            tenantId: string | null;
                            permissions: string[];
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string | null;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                            /** Format: date-time */
                            revokedAt: string | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                label: string;
                                tenantId: string | null;
                                permissions: string[];
                                createdBy: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string | null;
                                /** Format: date-time */
                                lastUsedAt: string | null;
                                /** Format: date-time */
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label: string;
                        permissions: ("events:write" | "settings:read" | "settings:write" | "deliveries:read")[];
                        /** Format: date-time */
                        expiresAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Shown once; only its hash is stored. */
                            token: string;
                            apiToken: {
                                id: string;
                                label: string;
                                tenantId: string | null;
                                permissions: string[];
                                createdBy: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string | null;
                                /** Format: date-time */
                                lastUsedAt: string | null;
                                /** Format: date-time */
                                revokedAt: string | null;
                            };
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                    tokenId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            label: string;
                            tenantId: string | null;
                            permissions: string[];
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string | null;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                            /** Format: date-time */
                            revokedAt: string | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/mail-host-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Hosts tenants may use although private (any port) */
                            allowedHosts: string[];
                            /** @description Ports allowed besides 25, 465, 587 and 2525 */
                            allowedPorts: number[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Hosts tenants may use although private (any port) */
                        allowedHosts: string[];
                        /** @description Ports allowed besides 25, 465, 587 and 2525 */
                        allowedPorts: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Hosts tenants may use although private (any port) */
                            allowedHosts: string[];
                            /** @description Ports allowed besides 25, 465, 587 and 2525 */
                            allowedPorts: number[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    scope?: string;
                    action?: string;
                    /** @description An actor as stored (user:usr_…, token:…, cli), or a name, e-mail or token label to look for */
                    actor?: string;
                    since?: string;
                    until?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                seq: number;
                                /** Format: date-time */
                                at: string;
                                actor: string;
                                scope: string;
                                action: string;
                                target: string | null;
                                ip: string | null;
                                details: {
                                    [key: string]: unknown;
                                };
                                hash: string;
                            }[];
                            nextCursor: string | null;
                            /** @description Readable names of the page's actors and targets as they are named now (`user:usr_1` → "Ada <ada@example.com>"); a deleted account has none */
                            names: {
                                [key: string]: string;
                            };
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/mail-server": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: string;
                            version: number;
                            /**
                             * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                             * @enum {unknown}
                             */
                            provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                            host: string | null;
                            port: number | null;
                            /**
                             * @description none (plain), starttls (port 587 unless given) or tls (implicit, port 465)
                             * @enum {unknown}
                             */
                            security: "none" | "starttls" | "tls";
                            allowInvalidCertificate: boolean;
                            tlsCa: string | null;
                            /**
                             * @description none for IP-authorised relays, password, oauth2, or ntlm (on-premises Exchange: NTLM with a Windows domain; smtp provider only)
                             * @enum {unknown}
                             */
                            auth: "none" | "password" | "oauth2" | "ntlm";
                            username: string | null;
                            passwordSet: boolean;
                            domain: string | null;
                            workstation: string | null;
                            smtpDomain: string | null;
                            fromAddress: string;
                            fromName: string | null;
                            replyTo: string | null;
                            enabled: boolean;
                            applyToAllTenants?: boolean;
                            poolSize: number;
                            rateLimitPerSecond: number | null;
                            /** @description null: the provider's default (Gmail 2,000 a day); 0: no cap */
                            dailyLimit: number | null;
                            /**
                             * @description smtp (default), graph (Microsoft Graph sendMail; microsoft365 with oauth2) or gmail (the Gmail API; gmail with oauth2)
                             * @enum {unknown}
                             */
                            api: "smtp" | "graph" | "gmail";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                         * @enum {unknown}
                         */
                        provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                        host?: string;
                        port?: number;
                        /**
                         * @description none (plain), starttls (port 587 unless given) or tls (implicit, port 465)
                         * @enum {unknown}
                         */
                        security?: "none" | "starttls" | "tls";
                        /** @description Turns TLS certificate verification off (logged). Prefer tlsCa. */
                        allowInvalidCertificate?: boolean;
                        /** @description PEM of a CA to trust for this server */
                        tlsCa?: string | null;
                        /**
                         * @description none for IP-authorised relays, password, oauth2, or ntlm (on-premises Exchange: NTLM with a Windows domain; smtp provider only)
                         * @enum {unknown}
                         */
                        auth?: "none" | "password" | "oauth2" | "ntlm";
                        username?: string | null;
                        /** @description Write-only. Omit to keep the stored one. */
                        password?: string;
                        /** @description With auth ntlm (required): the account's Windows domain, NetBIOS (CORP) or DNS (corp.example.com) */
                        domain?: string | null;
                        /** @description With auth ntlm (optional): the workstation name Herald announces */
                        workstation?: string | null;
                        /** @description The name Herald announces in EHLO */
                        smtpDomain?: string | null;
                        fromAddress?: string;
                        fromName?: string | null;
                        replyTo?: string | null;
                        enabled?: boolean;
                        /** @description System only: tenants without settings of their own use these. */
                        applyToAllTenants?: boolean;
                        poolSize?: number;
                        rateLimitPerSecond?: number | null;
                        /** @description Messages a day (UTC) from this mailbox across the cluster; mail past it waits for the next day. null: the provider's default (Gmail 2,000); 0: no cap. */
                        dailyLimit?: number | null;
                        /**
                         * @description smtp (default), graph (Microsoft Graph sendMail; microsoft365 with oauth2) or gmail (the Gmail API; gmail with oauth2)
                         * @enum {unknown}
                         */
                        api?: "smtp" | "graph" | "gmail";
                        /** @description Send a test email here after saving */
                        testRecipient?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: {
                                scope: string;
                                version: number;
                                /**
                                 * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                                 * @enum {unknown}
                                 */
                                provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                                host: string | null;
                                port: number | null;
                                /**
                                 * @description none (plain), starttls (port 587 unless given) or tls (implicit, port 465)
                                 * @enum {unknown}
                                 */
                                security: "none" | "starttls" | "tls";
                                allowInvalidCertificate: boolean;
                                tlsCa: string | null;
                                /**
                                 * @description none for IP-authorised relays, password, oauth2, or ntlm (on-premises Exchange: NTLM with a Windows domain; smtp provider only)
                                 * @enum {unknown}
                                 */
                                auth: "none" | "password" | "oauth2" | "ntlm";
                                username: string | null;
                                passwordSet: boolean;
                                domain: string | null;
                                workstation: string | null;
                                smtpDomain: string | null;
                                fromAddress: string;
                                fromName: string | null;
                                replyTo: string | null;
                                enabled: boolean;
                                applyToAllTenants?: boolean;
                                poolSize: number;
                                rateLimitPerSecond: number | null;
                                /** @description null: the provider's default (Gmail 2,000 a day); 0: no cap */
                                dailyLimit: number | null;
                                /**
                                 * @description smtp (default), graph (Microsoft Graph sendMail; microsoft365 with oauth2) or gmail (the Gmail API; gmail with oauth2)
                                 * @enum {unknown}
                                 */
                                api: "smtp" | "graph" | "gmail";
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            test?: {
                                ok: boolean;
                                /**
                                 * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                                 * @enum {unknown}
                                 */
                                provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                                settingsSource: "saved" | "candidate";
                                messageId?: string;
                                steps: {
                                    step: string;
                                    status: "ok" | "failed" | "skipped";
                                    durationMs: number;
                                    detail: string;
                                    command?: string;
                                    replyCode?: number;
                                    reply?: string;
                                    extensions?: string[];
                                    certificate?: {
                                        subject: string;
                                        issuer: string;
                                        validFrom: string;
                                        validTo: string;
                                        fingerprint256: string;
                                    };
                                }[];
                                failure?: {
                                    kind: string;
                                    stage: string;
                                    replyCode: number | null;
                                    enhancedCode: string | null;
                                    reply: string | null;
                                    errorCode: string | null;
                                    message: string;
                                    hint?: string;
                                };
                            };
                            /** @description Saved, but will stop working: Microsoft 365 or Gmail with a password (basic authentication is being retired) */
                            warnings?: {
                                /** @enum {string} */
                                code: "basic_auth_retiring";
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/mail-server/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Required to send; omit with /verify */
                        to?: string;
                        settings?: {
                            /**
                             * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                             * @enum {unknown}
                             */
                            provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                            host?: string;
                            port?: number;
                            /**
                             * @description none (plain), starttls (port 587 unless given) or tls (implicit, port 465)
                             * @enum {unknown}
                             */
                            security?: "none" | "starttls" | "tls";
                            /** @description Turns TLS certificate verification off (logged). Prefer tlsCa. */
                            allowInvalidCertificate?: boolean;
                            /** @description PEM of a CA to trust for this server */
                            tlsCa?: string | null;
                            /**
                             * @description none for IP-authorised relays, password, oauth2, or ntlm (on-premises Exchange: NTLM with a Windows domain; smtp provider only)
                             * @enum {unknown}
                             */
                            auth?: "none" | "password" | "oauth2" | "ntlm";
                            username?: string | null;
                            /** @description Write-only. Omit to keep the stored one. */
                            password?: string;
                            /** @description With auth ntlm (required): the account's Windows domain, NetBIOS (CORP) or DNS (corp.example.com) */
                            domain?: string | null;
                            /** @description With auth ntlm (optional): the workstation name Herald announces */
                            workstation?: string | null;
                            /** @description The name Herald announces in EHLO */
                            smtpDomain?: string | null;
                            fromAddress?: string;
                            fromName?: string | null;
                            replyTo?: string | null;
                            enabled?: boolean;
                            /** @description System only: tenants without settings of their own use these. */
                            applyToAllTenants?: boolean;
                            poolSize?: number;
                            rateLimitPerSecond?: number | null;
                            /** @description Messages a day (UTC) from this mailbox across the cluster; mail past it waits for the next day. null: the provider's default (Gmail 2,000); 0: no cap. */
                            dailyLimit?: number | null;
                            /**
                             * @description smtp (default), graph (Microsoft Graph sendMail; microsoft365 with oauth2) or gmail (the Gmail API; gmail with oauth2)
                             * @enum {unknown}
                             */
                            api?: "smtp" | "graph" | "gmail";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            /**
                             * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                             * @enum {unknown}
                             */
                            provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                            settingsSource: "saved" | "candidate";
                            messageId?: string;
                            steps: {
                                step: string;
                                status: "ok" | "failed" | "skipped";
                                durationMs: number;
                                detail: string;
                                command?: string;
                                replyCode?: number;
                                reply?: string;
                                extensions?: string[];
                                certificate?: {
                                    subject: string;
                                    issuer: string;
                                    validFrom: string;
                                    validTo: string;
                                    fingerprint256: string;
                                };
                            }[];
                            failure?: {
                                kind: string;
                                stage: string;
                                replyCode: number | null;
                                enhancedCode: string | null;
                                reply: string | null;
                                errorCode: string | null;
                                message: string;
                                hint?: string;
                            };
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/mail-server/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Required to send; omit with /verify */
                        to?: string;
                        settings?: {
                            /**
                             * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                             * @enum {unknown}
                             */
                            provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                            host?: string;
                            port?: number;
                            /**
                             * @description none (plain), starttls (port 587 unless given) or tls (implicit, port 465)
                             * @enum {unknown}
                             */
                            security?: "none" | "starttls" | "tls";
                            /** @description Turns TLS certificate verification off (logged). Prefer tlsCa. */
                            allowInvalidCertificate?: boolean;
                            /** @description PEM of a CA to trust for this server */
                            tlsCa?: string | null;
                            /**
                             * @description none for IP-authorised relays, password, oauth2, or ntlm (on-premises Exchange: NTLM with a Windows domain; smtp provider only)
                             * @enum {unknown}
                             */
                            auth?: "none" | "password" | "oauth2" | "ntlm";
                            username?: string | null;
                            /** @description Write-only. Omit to keep the stored one. */
                            password?: string;
                            /** @description With auth ntlm (required): the account's Windows domain, NetBIOS (CORP) or DNS (corp.example.com) */
                            domain?: string | null;
                            /** @description With auth ntlm (optional): the workstation name Herald announces */
                            workstation?: string | null;
                            /** @description The name Herald announces in EHLO */
                            smtpDomain?: string | null;
                            fromAddress?: string;
                            fromName?: string | null;
                            replyTo?: string | null;
                            enabled?: boolean;
                            /** @description System only: tenants without settings of their own use these. */
                            applyToAllTenants?: boolean;
                            poolSize?: number;
                            rateLimitPerSecond?: number | null;
                            /** @description Messages a day (UTC) from this mailbox across the cluster; mail past it waits for the next day. null: the provider's default (Gmail 2,000); 0: no cap. */
                            dailyLimit?: number | null;
                            /**
                             * @description smtp (default), graph (Microsoft Graph sendMail; microsoft365 with oauth2) or gmail (the Gmail API; gmail with oauth2)
                             * @enum {unknown}
                             */
                            api?: "smtp" | "graph" | "gmail";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            /**
                             * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                             * @enum {unknown}
                             */
                            provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                            settingsSource: "saved" | "candidate";
                            messageId?: string;
                            steps: {
                                step: string;
                                status: "ok" | "failed" | "skipped";
                                durationMs: number;
                                detail: string;
                                command?: string;
                                replyCode?: number;
                                reply?: string;
                                extensions?: string[];
                                certificate?: {
                                    subject: string;
                                    issuer: string;
                                    validFrom: string;
                                    validTo: string;
                                    fingerprint256: string;
                                };
                            }[];
                            failure?: {
                                kind: string;
                                stage: string;
                                replyCode: number | null;
                                enhancedCode: string | null;
                                reply: string | null;
                                errorCode: string | null;
                                message: string;
                                hint?: string;
                            };
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/mail-server": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: string;
                            version: number;
                            /**
                             * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                             * @enum {unknown}
                             */
                            provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                            host: string | null;
                            port: number | null;
                            /**
                             * @description none (plain), starttls (port 587 unless given) or tls (implicit, port 465)
                             * @enum {unknown}
                             */
                            security: "none" | "starttls" | "tls";
                            allowInvalidCertificate: boolean;
                            tlsCa: string | null;
                            /**
                             * @description none for IP-authorised relays, password, oauth2, or ntlm (on-premises Exchange: NTLM with a Windows domain; smtp provider only)
                             * @enum {unknown}
                             */
                            auth: "none" | "password" | "oauth2" | "ntlm";
                            username: string | null;
                            passwordSet: boolean;
                            domain: string | null;
                            workstation: string | null;
                            smtpDomain: string | null;
                            fromAddress: string;
                            fromName: string | null;
                            replyTo: string | null;
                            enabled: boolean;
                            applyToAllTenants?: boolean;
                            poolSize: number;
                            rateLimitPerSecond: number | null;
                            /** @description null: the provider's default (Gmail 2,000 a day); 0: no cap */
                            dailyLimit: number | null;
                            /**
                             * @description smtp (default), graph (Microsoft Graph sendMail; microsoft365 with oauth2) or gmail (the Gmail API; gmail with oauth2)
                             * @enum {unknown}
                             */
                            api: "smtp" | "graph" | "gmail";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                         * @enum {unknown}
                         */
                        provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                        host?: string;
                        port?: number;
                        /**
                         * @description none (plain), starttls (port 587 unless given) or tls (implicit, port 465)
                         * @enum {unknown}
                         */
                        security?: "none" | "starttls" | "tls";
                        /** @description Turns TLS certificate verification off (logged). Prefer tlsCa. */
                        allowInvalidCertificate?: boolean;
                        /** @description PEM of a CA to trust for this server */
                        tlsCa?: string | null;
                        /**
                         * @description none for IP-authorised relays, password, oauth2, or ntlm (on-premises Exchange: NTLM with a Windows domain; smtp provider only)
                         * @enum {unknown}
                         */
                        auth?: "none" | "password" | "oauth2" | "ntlm";
                        username?: string | null;
                        /** @description Write-only. Omit to keep the stored one. */
                        password?: string;
                        /** @description With auth ntlm (required): the account's Windows domain, NetBIOS (CORP) or DNS (corp.example.com) */
                        domain?: string | null;
                        /** @description With auth ntlm (optional): the workstation name Herald announces */
                        workstation?: string | null;
                        /** @description The name Herald announces in EHLO */
                        smtpDomain?: string | null;
                        fromAddress?: string;
                        fromName?: string | null;
                        replyTo?: string | null;
                        enabled?: boolean;
                        /** @description System only: tenants without settings of their own use these. */
                        applyToAllTenants?: boolean;
                        poolSize?: number;
                        rateLimitPerSecond?: number | null;
                        /** @description Messages a day (UTC) from this mailbox across the cluster; mail past it waits for the next day. null: the provider's default (Gmail 2,000); 0: no cap. */
                        dailyLimit?: number | null;
                        /**
                         * @description smtp (default), graph (Microsoft Graph sendMail; microsoft365 with oauth2) or gmail (the Gmail API; gmail with oauth2)
                         * @enum {unknown}
                         */
                        api?: "smtp" | "graph" | "gmail";
                        /** @description Send a test email here after saving */
                        testRecipient?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: {
                                scope: string;
                                version: number;
                                /**
                                 * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                                 * @enum {unknown}
                                 */
                                provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                                host: string | null;
                                port: number | null;
                                /**
                                 * @description none (plain), starttls (port 587 unless given) or tls (implicit, port 465)
                                 * @enum {unknown}
                                 */
                                security: "none" | "starttls" | "tls";
                                allowInvalidCertificate: boolean;
                                tlsCa: string | null;
                                /**
                                 * @description none for IP-authorised relays, password, oauth2, or ntlm (on-premises Exchange: NTLM with a Windows domain; smtp provider only)
                                 * @enum {unknown}
                                 */
                                auth: "none" | "password" | "oauth2" | "ntlm";
                                username: string | null;
                                passwordSet: boolean;
                                domain: string | null;
                                workstation: string | null;
                                smtpDomain: string | null;
                                fromAddress: string;
                                fromName: string | null;
                                replyTo: string | null;
                                enabled: boolean;
                                applyToAllTenants?: boolean;
                                poolSize: number;
                                rateLimitPerSecond: number | null;
                                /** @description null: the provider's default (Gmail 2,000 a day); 0: no cap */
                                dailyLimit: number | null;
                                /**
                                 * @description smtp (default), graph (Microsoft Graph sendMail; microsoft365 with oauth2) or gmail (the Gmail API; gmail with oauth2)
                                 * @enum {unknown}
                                 */
                                api: "smtp" | "graph" | "gmail";
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            test?: {
                                ok: boolean;
                                /**
                                 * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                                 * @enum {unknown}
                                 */
                                provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                                settingsSource: "saved" | "candidate";
                                messageId?: string;
                                steps: {
                                    step: string;
                                    status: "ok" | "failed" | "skipped";
                                    durationMs: number;
                                    detail: string;
                                    command?: string;
                                    replyCode?: number;
                                    reply?: string;
                                    extensions?: string[];
                                    certificate?: {
                                        subject: string;
                                        issuer: string;
                                        validFrom: string;
                                        validTo: string;
                                        fingerprint256: string;
                                    };
                                }[];
                                failure?: {
                                    kind: string;
                                    stage: string;
                                    replyCode: number | null;
                                    enhancedCode: string | null;
                                    reply: string | null;
                                    errorCode: string | null;
                                    message: string;
                                    hint?: string;
                                };
                            };
                            /** @description Saved, but will stop working: Microsoft 365 or Gmail with a password (basic authentication is being retired) */
                            warnings?: {
                                /** @enum {string} */
                                code: "basic_auth_retiring";
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/mail-server/effective": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenant: string;
                            source: "own" | "system" | "none";
                            reason: string;
                            settings: {
                                scope: string;
                                version: number;
                                /**
                                 * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                                 * @enum {unknown}
                                 */
                                provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                                host: string | null;
                                port: number | null;
                                /**
                                 * @description none (plain), starttls (port 587 unless given) or tls (implicit, port 465)
                                 * @enum {unknown}
                                 */
                                security: "none" | "starttls" | "tls";
                                allowInvalidCertificate: boolean;
                                tlsCa: string | null;
                                /**
                                 * @description none for IP-authorised relays, password, oauth2, or ntlm (on-premises Exchange: NTLM with a Windows domain; smtp provider only)
                                 * @enum {unknown}
                                 */
                                auth: "none" | "password" | "oauth2" | "ntlm";
                                username: string | null;
                                passwordSet: boolean;
                                domain: string | null;
                                workstation: string | null;
                                smtpDomain: string | null;
                                fromAddress: string;
                                fromName: string | null;
                                replyTo: string | null;
                                enabled: boolean;
                                applyToAllTenants?: boolean;
                                poolSize: number;
                                rateLimitPerSecond: number | null;
                                /** @description null: the provider's default (Gmail 2,000 a day); 0: no cap */
                                dailyLimit: number | null;
                                /**
                                 * @description smtp (default), graph (Microsoft Graph sendMail; microsoft365 with oauth2) or gmail (the Gmail API; gmail with oauth2)
                                 * @enum {unknown}
                                 */
                                api: "smtp" | "graph" | "gmail";
                                /** Format: date-time */
                                updatedAt: string;
                            } | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/mail-server/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Required to send; omit with /verify */
                        to?: string;
                        settings?: {
                            /**
                             * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                             * @enum {unknown}
                             */
                            provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                            host?: string;
                            port?: number;
                            /**
                             * @description none (plain), starttls (port 587 unless given) or tls (implicit, port 465)
                             * @enum {unknown}
                             */
                            security?: "none" | "starttls" | "tls";
                            /** @description Turns TLS certificate verification off (logged). Prefer tlsCa. */
                            allowInvalidCertificate?: boolean;
                            /** @description PEM of a CA to trust for this server */
                            tlsCa?: string | null;
                            /**
                             * @description none for IP-authorised relays, password, oauth2, or ntlm (on-premises Exchange: NTLM with a Windows domain; smtp provider only)
                             * @enum {unknown}
                             */
                            auth?: "none" | "password" | "oauth2" | "ntlm";
                            username?: string | null;
                            /** @description Write-only. Omit to keep the stored one. */
                            password?: string;
                            /** @description With auth ntlm (required): the account's Windows domain, NetBIOS (CORP) or DNS (corp.example.com) */
                            domain?: string | null;
                            /** @description With auth ntlm (optional): the workstation name Herald announces */
                            workstation?: string | null;
                            /** @description The name Herald announces in EHLO */
                            smtpDomain?: string | null;
                            fromAddress?: string;
                            fromName?: string | null;
                            replyTo?: string | null;
                            enabled?: boolean;
                            /** @description System only: tenants without settings of their own use these. */
                            applyToAllTenants?: boolean;
                            poolSize?: number;
                            rateLimitPerSecond?: number | null;
                            /** @description Messages a day (UTC) from this mailbox across the cluster; mail past it waits for the next day. null: the provider's default (Gmail 2,000); 0: no cap. */
                            dailyLimit?: number | null;
                            /**
                             * @description smtp (default), graph (Microsoft Graph sendMail; microsoft365 with oauth2) or gmail (the Gmail API; gmail with oauth2)
                             * @enum {unknown}
                             */
                            api?: "smtp" | "graph" | "gmail";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            /**
                             * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                             * @enum {unknown}
                             */
                            provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                            settingsSource: "saved" | "candidate";
                            messageId?: string;
                            steps: {
                                step: string;
                                status: "ok" | "failed" | "skipped";
                                durationMs: number;
                                detail: string;
                                command?: string;
                                replyCode?: number;
                                reply?: string;
                                extensions?: string[];
                                certificate?: {
                                    subject: string;
                                    issuer: string;
                                    validFrom: string;
                                    validTo: string;
                                    fingerprint256: string;
                                };
                            }[];
                            failure?: {
                                kind: string;
                                stage: string;
                                replyCode: number | null;
                                enhancedCode: string | null;
                                reply: string | null;
                                errorCode: string | null;
                                message: string;
                                hint?: string;
                            };
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/mail-server/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Required to send; omit with /verify */
                        to?: string;
                        settings?: {
                            /**
                             * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                             * @enum {unknown}
                             */
                            provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                            host?: string;
                            port?: number;
                            /**
                             * @description none (plain), starttls (port 587 unless given) or tls (implicit, port 465)
                             * @enum {unknown}
                             */
                            security?: "none" | "starttls" | "tls";
                            /** @description Turns TLS certificate verification off (logged). Prefer tlsCa. */
                            allowInvalidCertificate?: boolean;
                            /** @description PEM of a CA to trust for this server */
                            tlsCa?: string | null;
                            /**
                             * @description none for IP-authorised relays, password, oauth2, or ntlm (on-premises Exchange: NTLM with a Windows domain; smtp provider only)
                             * @enum {unknown}
                             */
                            auth?: "none" | "password" | "oauth2" | "ntlm";
                            username?: string | null;
                            /** @description Write-only. Omit to keep the stored one. */
                            password?: string;
                            /** @description With auth ntlm (required): the account's Windows domain, NetBIOS (CORP) or DNS (corp.example.com) */
                            domain?: string | null;
                            /** @description With auth ntlm (optional): the workstation name Herald announces */
                            workstation?: string | null;
                            /** @description The name Herald announces in EHLO */
                            smtpDomain?: string | null;
                            fromAddress?: string;
                            fromName?: string | null;
                            replyTo?: string | null;
                            enabled?: boolean;
                            /** @description System only: tenants without settings of their own use these. */
                            applyToAllTenants?: boolean;
                            poolSize?: number;
                            rateLimitPerSecond?: number | null;
                            /** @description Messages a day (UTC) from this mailbox across the cluster; mail past it waits for the next day. null: the provider's default (Gmail 2,000); 0: no cap. */
                            dailyLimit?: number | null;
                            /**
                             * @description smtp (default), graph (Microsoft Graph sendMail; microsoft365 with oauth2) or gmail (the Gmail API; gmail with oauth2)
                             * @enum {unknown}
                             */
                            api?: "smtp" | "graph" | "gmail";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            /**
                             * @description smtp, gmail, microsoft365 or builtin (Herald's own mailbox)
                             * @enum {unknown}
                             */
                            provider: "smtp" | "gmail" | "microsoft365" | "builtin";
                            settingsSource: "saved" | "candidate";
                            messageId?: string;
                            steps: {
                                step: string;
                                status: "ok" | "failed" | "skipped";
                                durationMs: number;
                                detail: string;
                                command?: string;
                                replyCode?: number;
                                reply?: string;
                                extensions?: string[];
                                certificate?: {
                                    subject: string;
                                    issuer: string;
                                    validFrom: string;
                                    validTo: string;
                                    fingerprint256: string;
                                };
                            }[];
                            failure?: {
                                kind: string;
                                stage: string;
                                replyCode: number | null;
                                enhancedCode: string | null;
                                reply: string | null;
                                errorCode: string | null;
                                message: string;
                                hint?: string;
                            };
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/mail-server/oauth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: string;
                            /**
                             * @description microsoft_app (client credentials), microsoft_delegated (a user signs in once), google_signin (sign in with Google), google_service_account (Workspace domain-wide delegation)
                             * @enum {unknown}
                             */
                            mode: "microsoft_app" | "microsoft_delegated" | "google_signin" | "google_service_account";
                            cloud: string;
                            directoryId: string | null;
                            clientId: string;
                            clientSecretSet: boolean;
                            certificate: {
                                /** @description SHA-1 thumbprint (hex), as the Entra portal lists it */
                                thumbprint: string;
                                subject: string;
                                /** Format: date-time */
                                notAfter: string;
                                /** @description Expires within 30 days (or has expired) */
                                expiresSoon: boolean;
                            } | null;
                            serviceAccountKeySet: boolean;
                            /** @description System: tenants may connect with this app */
                            sharedWithTenants: boolean;
                            /** @description Tenant: signs in with the system's app (its client id and credentials are not shown) */
                            usesSystemApp: boolean;
                            mailbox: string;
                            /** @enum {unknown} */
                            status: "pending" | "connected" | "reconnect_required";
                            statusReason: string | null;
                            connected: boolean;
                            account: string | null;
                            grantedScopes: string[];
                            /** Format: date-time */
                            lastRefreshedAt: string | null;
                            /** Format: date-time */
                            expiresAt: string | null;
                            /** @description Register this redirect URI at the provider (sign-in modes) */
                            redirectUri: string | null;
                            warnings: {
                                code: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description microsoft_app (client credentials), microsoft_delegated (a user signs in once), google_signin (sign in with Google), google_service_account (Workspace domain-wide delegation)
                         * @enum {unknown}
                         */
                        mode: "microsoft_app" | "microsoft_delegated" | "google_signin" | "google_service_account";
                        /** @description Microsoft only: global (default), usgov or china */
                        cloud?: string;
                        /** @description Microsoft Entra directory (tenant) id or domain */
                        directoryId?: string | null;
                        /** @description The application (client) id */
                        clientId?: string;
                        /** @description Write-only. Omit to keep the stored one. */
                        clientSecret?: string;
                        /** @description microsoft_app instead of clientSecret: the certificate (PEM) registered with the app; it may hold the private key too. Omit both to keep the stored one. */
                        certificate?: string;
                        /** @description Write-only. The certificate's RSA private key (PEM, unencrypted). */
                        privateKey?: string;
                        /** @description System only: tenants may connect with this app (their own sign-in). Omit to keep the stored choice. */
                        shareWithTenants?: boolean;
                        /** @description Tenant only, microsoft_delegated or google_signin: sign in with the system's shared app instead of a client id and secret */
                        useSystemApp?: boolean;
                        /** @description Write-only. The service account's JSON key. */
                        serviceAccountKey?: string;
                        /** @description The mailbox to send as; by default the mail server's username (provider already saved) */
                        mailbox?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: string;
                            /**
                             * @description microsoft_app (client credentials), microsoft_delegated (a user signs in once), google_signin (sign in with Google), google_service_account (Workspace domain-wide delegation)
                             * @enum {unknown}
                             */
                            mode: "microsoft_app" | "microsoft_delegated" | "google_signin" | "google_service_account";
                            cloud: string;
                            directoryId: string | null;
                            clientId: string;
                            clientSecretSet: boolean;
                            certificate: {
                                /** @description SHA-1 thumbprint (hex), as the Entra portal lists it */
                                thumbprint: string;
                                subject: string;
                                /** Format: date-time */
                                notAfter: string;
                                /** @description Expires within 30 days (or has expired) */
                                expiresSoon: boolean;
                            } | null;
                            serviceAccountKeySet: boolean;
                            /** @description System: tenants may connect with this app */
                            sharedWithTenants: boolean;
                            /** @description Tenant: signs in with the system's app (its client id and credentials are not shown) */
                            usesSystemApp: boolean;
                            mailbox: string;
                            /** @enum {unknown} */
                            status: "pending" | "connected" | "reconnect_required";
                            statusReason: string | null;
                            connected: boolean;
                            account: string | null;
                            grantedScopes: string[];
                            /** Format: date-time */
                            lastRefreshedAt: string | null;
                            /** Format: date-time */
                            expiresAt: string | null;
                            /** @description Register this redirect URI at the provider (sign-in modes) */
                            redirectUri: string | null;
                            warnings: {
                                code: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/mail-server/oauth/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Open this in the administrator's browser: the provider's consent page */
                            authorizeUrl: string;
                            redirectUri: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/mail-server/oauth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: string;
                            /**
                             * @description microsoft_app (client credentials), microsoft_delegated (a user signs in once), google_signin (sign in with Google), google_service_account (Workspace domain-wide delegation)
                             * @enum {unknown}
                             */
                            mode: "microsoft_app" | "microsoft_delegated" | "google_signin" | "google_service_account";
                            cloud: string;
                            directoryId: string | null;
                            clientId: string;
                            clientSecretSet: boolean;
                            certificate: {
                                /** @description SHA-1 thumbprint (hex), as the Entra portal lists it */
                                thumbprint: string;
                                subject: string;
                                /** Format: date-time */
                                notAfter: string;
                                /** @description Expires within 30 days (or has expired) */
                                expiresSoon: boolean;
                            } | null;
                            serviceAccountKeySet: boolean;
                            /** @description System: tenants may connect with this app */
                            sharedWithTenants: boolean;
                            /** @description Tenant: signs in with the system's app (its client id and credentials are not shown) */
                            usesSystemApp: boolean;
                            mailbox: string;
                            /** @enum {unknown} */
                            status: "pending" | "connected" | "reconnect_required";
                            statusReason: string | null;
                            connected: boolean;
                            account: string | null;
                            grantedScopes: string[];
                            /** Format: date-time */
                            lastRefreshedAt: string | null;
                            /** Format: date-time */
                            expiresAt: string | null;
                            /** @description Register this redirect URI at the provider (sign-in modes) */
                            redirectUri: string | null;
                            warnings: {
                                code: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description microsoft_app (client credentials), microsoft_delegated (a user signs in once), google_signin (sign in with Google), google_service_account (Workspace domain-wide delegation)
                         * @enum {unknown}
                         */
                        mode: "microsoft_app" | "microsoft_delegated" | "google_signin" | "google_service_account";
                        /** @description Microsoft only: global (default), usgov or china */
                        cloud?: string;
                        /** @description Microsoft Entra directory (tenant) id or domain */
                        directoryId?: string | null;
                        /** @description The application (client) id */
                        clientId?: string;
                        /** @description Write-only. Omit to keep the stored one. */
                        clientSecret?: string;
                        /** @description microsoft_app instead of clientSecret: the certificate (PEM) registered with the app; it may hold the private key too. Omit both to keep the stored one. */
                        certificate?: string;
                        /** @description Write-only. The certificate's RSA private key (PEM, unencrypted). */
                        privateKey?: string;
                        /** @description System only: tenants may connect with this app (their own sign-in). Omit to keep the stored choice. */
                        shareWithTenants?: boolean;
                        /** @description Tenant only, microsoft_delegated or google_signin: sign in with the system's shared app instead of a client id and secret */
                        useSystemApp?: boolean;
                        /** @description Write-only. The service account's JSON key. */
                        serviceAccountKey?: string;
                        /** @description The mailbox to send as; by default the mail server's username (provider already saved) */
                        mailbox?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: string;
                            /**
                             * @description microsoft_app (client credentials), microsoft_delegated (a user signs in once), google_signin (sign in with Google), google_service_account (Workspace domain-wide delegation)
                             * @enum {unknown}
                             */
                            mode: "microsoft_app" | "microsoft_delegated" | "google_signin" | "google_service_account";
                            cloud: string;
                            directoryId: string | null;
                            clientId: string;
                            clientSecretSet: boolean;
                            certificate: {
                                /** @description SHA-1 thumbprint (hex), as the Entra portal lists it */
                                thumbprint: string;
                                subject: string;
                                /** Format: date-time */
                                notAfter: string;
                                /** @description Expires within 30 days (or has expired) */
                                expiresSoon: boolean;
                            } | null;
                            serviceAccountKeySet: boolean;
                            /** @description System: tenants may connect with this app */
                            sharedWithTenants: boolean;
                            /** @description Tenant: signs in with the system's app (its client id and credentials are not shown) */
                            usesSystemApp: boolean;
                            mailbox: string;
                            /** @enum {unknown} */
                            status: "pending" | "connected" | "reconnect_required";
                            statusReason: string | null;
                            connected: boolean;
                            account: string | null;
                            grantedScopes: string[];
                            /** Format: date-time */
                            lastRefreshedAt: string | null;
                            /** Format: date-time */
                            expiresAt: string | null;
                            /** @description Register this redirect URI at the provider (sign-in modes) */
                            redirectUri: string | null;
                            warnings: {
                                code: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/mail-server/oauth/system-app": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The system lets tenants connect with its app (useSystemApp) */
                            shared: boolean;
                            provider: ("microsoft365" | "gmail") | (never | null);
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/mail-server/oauth/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Open this in the administrator's browser: the provider's consent page */
                            authorizeUrl: string;
                            redirectUri: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oauth/callback/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: "microsoft" | "google";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        state: string;
                        code?: string;
                        error?: string;
                        error_description?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: string;
                            /**
                             * @description microsoft_app (client credentials), microsoft_delegated (a user signs in once), google_signin (sign in with Google), google_service_account (Workspace domain-wide delegation)
                             * @enum {unknown}
                             */
                            mode: "microsoft_app" | "microsoft_delegated" | "google_signin" | "google_service_account";
                            cloud: string;
                            directoryId: string | null;
                            clientId: string;
                            clientSecretSet: boolean;
                            certificate: {
                                /** @description SHA-1 thumbprint (hex), as the Entra portal lists it */
                                thumbprint: string;
                                subject: string;
                                /** Format: date-time */
                                notAfter: string;
                                /** @description Expires within 30 days (or has expired) */
                                expiresSoon: boolean;
                            } | null;
                            serviceAccountKeySet: boolean;
                            /** @description System: tenants may connect with this app */
                            sharedWithTenants: boolean;
                            /** @description Tenant: signs in with the system's app (its client id and credentials are not shown) */
                            usesSystemApp: boolean;
                            mailbox: string;
                            /** @enum {unknown} */
                            status: "pending" | "connected" | "reconnect_required";
                            statusReason: string | null;
                            connected: boolean;
                            account: string | null;
                            grantedScopes: string[];
                            /** Format: date-time */
                            lastRefreshedAt: string | null;
                            /** Format: date-time */
                            expiresAt: string | null;
                            /** @description Register this redirect URI at the provider (sign-in modes) */
                            redirectUri: string | null;
                            warnings: {
                                code: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/recipients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recipients: string[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        recipients: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recipients: string[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/recipients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recipients: string[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        recipients: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recipients: string[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            effective: {
                                emailEnabled: boolean;
                                thresholds: {
                                    cpu: number;
                                    memory: number;
                                    disk: number;
                                };
                                repeatIntervalMs: number;
                                groupWindowMs: number;
                                branding: {
                                    productName: string;
                                    logoUrl: string | null;
                                    primaryColor: string;
                                    backgroundColor: string;
                                    footer: string;
                                };
                            };
                            /** @description What this scope set itself; the rest is inherited */
                            own: unknown;
                            /** @description Each setting by dotted name (`thresholds.cpu`, `branding.footer`) */
                            origins: {
                                [key: string]: {
                                    /**
                                     * @description Where the value in `effective` comes from: this scope, the system, or the built-in default
                                     * @enum {unknown}
                                     */
                                    source: "scope" | "system" | "default";
                                    /** @description What applies when this scope sets nothing */
                                    inherited: unknown;
                                    /** @enum {unknown} */
                                    inheritedFrom: "system" | "default";
                                };
                            };
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        emailEnabled?: boolean | null;
                        thresholds?: {
                            /** @description Percent; 0 disables */
                            cpu?: number | null;
                            /** @description Percent; 0 disables */
                            memory?: number | null;
                            /** @description Percent; 0 disables */
                            disk?: number | null;
                        };
                        repeatIntervalMs?: number | null;
                        /** @description 0 turns grouping off */
                        groupWindowMs?: number | null;
                        branding?: {
                            productName?: string | null;
                            logoUrl?: string | null;
                            primaryColor?: string | null;
                            backgroundColor?: string | null;
                            footer?: string | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            effective: {
                                emailEnabled: boolean;
                                thresholds: {
                                    cpu: number;
                                    memory: number;
                                    disk: number;
                                };
                                repeatIntervalMs: number;
                                groupWindowMs: number;
                                branding: {
                                    productName: string;
                                    logoUrl: string | null;
                                    primaryColor: string;
                                    backgroundColor: string;
                                    footer: string;
                                };
                            };
                            /** @description What this scope set itself; the rest is inherited */
                            own: unknown;
                            /** @description Each setting by dotted name (`thresholds.cpu`, `branding.footer`) */
                            origins: {
                                [key: string]: {
                                    /**
                                     * @description Where the value in `effective` comes from: this scope, the system, or the built-in default
                                     * @enum {unknown}
                                     */
                                    source: "scope" | "system" | "default";
                                    /** @description What applies when this scope sets nothing */
                                    inherited: unknown;
                                    /** @enum {unknown} */
                                    inheritedFrom: "system" | "default";
                                };
                            };
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/system/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                category: string;
                                /** @enum {unknown} */
                                severity: "info" | "warning" | "critical";
                                /** @enum {unknown} */
                                audience: "admins" | "user" | "subscribers";
                                optOut: boolean;
                                defaultEnabled: boolean;
                                /** @enum {unknown} */
                                origin: "builtin" | "registered" | "unregistered";
                                sampleData: {
                                    [key: string]: unknown;
                                };
                                summary: string;
                                /** @description Whether it sends in this scope now */
                                enabled: boolean;
                                /**
                                 * @description Where `enabled` comes from: this scope's toggle, the system's, or the type's default
                                 * @enum {unknown}
                                 */
                                enabledSource: "scope" | "system" | "default";
                                override: {
                                    enabled: boolean | null;
                                    recipients: string[] | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: string;
                        title: string;
                        category?: string;
                        /** @enum {unknown} */
                        severity?: "info" | "warning" | "critical";
                        /** @enum {unknown} */
                        audience?: "admins" | "user" | "subscribers";
                        optOut?: boolean;
                        defaultEnabled?: boolean;
                        sampleData?: {
                            [key: string]: unknown;
                        };
                        /** @description One sentence for the built-in email, with values such as {{ data.host }}: no {% %} tags, only filters whose cost is linear (upcase, round, truncate, date…) */
                        summary?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            category: string;
                            /** @enum {unknown} */
                            severity: "info" | "warning" | "critical";
                            /** @enum {unknown} */
                            audience: "admins" | "user" | "subscribers";
                            optOut: boolean;
                            defaultEnabled: boolean;
                            /** @enum {unknown} */
                            origin: "builtin" | "registered" | "unregistered";
                            sampleData: {
                                [key: string]: unknown;
                            };
                            summary: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/event-types/{type}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: string;
                };
                cookie?: never;
            };
            /** @description null returns a field to inheriting */
            requestBody: {
                content: {
                    "application/json": {
                        enabled?: boolean | null;
                        recipients?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean | null;
                            recipients: string[] | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            effective: {
                                emailEnabled: boolean;
                                thresholds: {
                                    cpu: number;
                                    memory: number;
                                    disk: number;
                                };
                                repeatIntervalMs: number;
                                groupWindowMs: number;
                                branding: {
                                    productName: string;
                                    logoUrl: string | null;
                                    primaryColor: string;
                                    backgroundColor: string;
                                    footer: string;
                                };
                            };
                            /** @description What this scope set itself; the rest is inherited */
                            own: unknown;
                            /** @description Each setting by dotted name (`thresholds.cpu`, `branding.footer`) */
                            origins: {
                                [key: string]: {
                                    /**
                                     * @description Where the value in `effective` comes from: this scope, the system, or the built-in default
                                     * @enum {unknown}
                                     */
                                    source: "scope" | "system" | "default";
                                    /** @description What applies when this scope sets nothing */
                                    inherited: unknown;
                                    /** @enum {unknown} */
                                    inheritedFrom: "system" | "default";
                                };
                            };
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        emailEnabled?: boolean | null;
                        thresholds?: {
                            /** @description Percent; 0 disables */
                            cpu?: number | null;
                            /** @description Percent; 0 disables */
                            memory?: number | null;
                            /** @description Percent; 0 disables */
                            disk?: number | null;
                        };
                        repeatIntervalMs?: number | null;
                        /** @description 0 turns grouping off */
                        groupWindowMs?: number | null;
                        branding?: {
                            productName?: string | null;
                            logoUrl?: string | null;
                            primaryColor?: string | null;
                            backgroundColor?: string | null;
                            footer?: string | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            effective: {
                                emailEnabled: boolean;
                                thresholds: {
                                    cpu: number;
                                    memory: number;
                                    disk: number;
                                };
                                repeatIntervalMs: number;
                                groupWindowMs: number;
                                branding: {
                                    productName: string;
                                    logoUrl: string | null;
                                    primaryColor: string;
                                    backgroundColor: string;
                                    footer: string;
                                };
                            };
                            /** @description What this scope set itself; the rest is inherited */
                            own: unknown;
                            /** @description Each setting by dotted name (`thresholds.cpu`, `branding.footer`) */
                            origins: {
                                [key: string]: {
                                    /**
                                     * @description Where the value in `effective` comes from: this scope, the system, or the built-in default
                                     * @enum {unknown}
                                     */
                                    source: "scope" | "system" | "default";
                                    /** @description What applies when this scope sets nothing */
                                    inherited: unknown;
                                    /** @enum {unknown} */
                                    inheritedFrom: "system" | "default";
                                };
                            };
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                category: string;
                                /** @enum {unknown} */
                                severity: "info" | "warning" | "critical";
                                /** @enum {unknown} */
                                audience: "admins" | "user" | "subscribers";
                                optOut: boolean;
                                defaultEnabled: boolean;
                                /** @enum {unknown} */
                                origin: "builtin" | "registered" | "unregistered";
                                sampleData: {
                                    [key: string]: unknown;
                                };
                                summary: string;
                                /** @description Whether it sends in this scope now */
                                enabled: boolean;
                                /**
                                 * @description Where `enabled` comes from: this scope's toggle, the system's, or the type's default
                                 * @enum {unknown}
                                 */
                                enabledSource: "scope" | "system" | "default";
                                override: {
                                    enabled: boolean | null;
                                    recipients: string[] | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: string;
                        title: string;
                        category?: string;
                        /** @enum {unknown} */
                        severity?: "info" | "warning" | "critical";
                        /** @enum {unknown} */
                        audience?: "admins" | "user" | "subscribers";
                        optOut?: boolean;
                        defaultEnabled?: boolean;
                        sampleData?: {
                            [key: string]: unknown;
                        };
                        /** @description One sentence for the built-in email, with values such as {{ data.host }}: no {% %} tags, only filters whose cost is linear (upcase, round, truncate, date…) */
                        summary?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            category: string;
                            /** @enum {unknown} */
                            severity: "info" | "warning" | "critical";
                            /** @enum {unknown} */
                            audience: "admins" | "user" | "subscribers";
                            optOut: boolean;
                            defaultEnabled: boolean;
                            /** @enum {unknown} */
                            origin: "builtin" | "registered" | "unregistered";
                            sampleData: {
                                [key: string]: unknown;
                            };
                            summary: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/event-types/{type}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                    type: string;
                };
                cookie?: never;
            };
            /** @description null returns a field to inheriting */
            requestBody: {
                content: {
                    "application/json": {
                        enabled?: boolean | null;
                        recipients?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean | null;
                            recipients: string[] | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/users/{userId}/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            preferences: {
                                type: string;
                                title: string;
                                /** @enum {unknown} */
                                audience: "user" | "subscribers";
                                optOut: boolean;
                                receiving: boolean;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description event type → receive it */
                        preferences: {
                            [key: string]: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            preferences: {
                                type: string;
                                title: string;
                                /** @enum {unknown} */
                                audience: "user" | "subscribers";
                                optOut: boolean;
                                receiving: boolean;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/users/{userId}/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            preferences: {
                                type: string;
                                title: string;
                                /** @enum {unknown} */
                                audience: "user" | "subscribers";
                                optOut: boolean;
                                receiving: boolean;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description event type → receive it */
                        preferences: {
                            [key: string]: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            preferences: {
                                type: string;
                                title: string;
                                /** @enum {unknown} */
                                audience: "user" | "subscribers";
                                optOut: boolean;
                                receiving: boolean;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/templates/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            /**
                             * @description builtin: no template saved; the default renders
                             * @enum {unknown}
                             */
                            origin: "scope" | "system" | "builtin";
                            version: number | null;
                            subject: string | null;
                            html: string | null;
                            text: string | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        subject: string;
                        html: string;
                        /** @description Omitted: generated from the HTML */
                        text?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            /**
                             * @description builtin: no template saved; the default renders
                             * @enum {unknown}
                             */
                            origin: "scope" | "system" | "builtin";
                            version: number | null;
                            subject: string | null;
                            html: string | null;
                            text: string | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        type: string;
                        subject?: string;
                        html?: string;
                        text?: string | null;
                        data?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subject: string;
                            html: string;
                            text: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/templates/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                    type: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            /**
                             * @description builtin: no template saved; the default renders
                             * @enum {unknown}
                             */
                            origin: "scope" | "system" | "builtin";
                            version: number | null;
                            subject: string | null;
                            html: string | null;
                            text: string | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                    type: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        subject: string;
                        html: string;
                        /** @description Omitted: generated from the HTML */
                        text?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            /**
                             * @description builtin: no template saved; the default renders
                             * @enum {unknown}
                             */
                            origin: "scope" | "system" | "builtin";
                            version: number | null;
                            subject: string | null;
                            html: string | null;
                            text: string | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                    type: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        type: string;
                        subject?: string;
                        html?: string;
                        text?: string | null;
                        data?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subject: string;
                            html: string;
                            text: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/silences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                eventType?: string;
                                labels: {
                                    [key: string]: string;
                                };
                                /** @description Epoch milliseconds */
                                startsAt?: number;
                                /** @description Epoch milliseconds */
                                endsAt?: number;
                                recurring?: {
                                    /** @description 0 = Sunday (UTC) */
                                    days: number[];
                                    from: string;
                                    to: string;
                                };
                                comment: string;
                                id: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        eventType?: string;
                        labels?: {
                            [key: string]: string;
                        };
                        /** @description Epoch milliseconds or an ISO 8601 time */
                        startsAt?: number | string;
                        /** @description Epoch milliseconds or an ISO 8601 time */
                        endsAt?: number | string;
                        recurring?: {
                            /** @description 0 = Sunday (UTC) */
                            days: number[];
                            from: string;
                            to: string;
                        };
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            eventType?: string;
                            labels: {
                                [key: string]: string;
                            };
                            /** @description Epoch milliseconds */
                            startsAt?: number;
                            /** @description Epoch milliseconds */
                            endsAt?: number;
                            recurring?: {
                                /** @description 0 = Sunday (UTC) */
                                days: number[];
                                from: string;
                                to: string;
                            };
                            comment: string;
                            id: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/silences/{silenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    silenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    status?: "firing" | "resolved";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                dedupKey: string;
                                type: string;
                                /** @enum {unknown} */
                                status: "firing" | "resolved";
                                /** @enum {unknown} */
                                severity: "info" | "warning" | "critical";
                                group: string | null;
                                labels: {
                                    [key: string]: string;
                                };
                                firstSeenAt: number;
                                lastSeenAt: number;
                                lastNotifiedAt: number | null;
                                resolvedAt: number | null;
                                nextNotifyAt: number | null;
                                lastEventId: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/silences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                eventType?: string;
                                labels: {
                                    [key: string]: string;
                                };
                                /** @description Epoch milliseconds */
                                startsAt?: number;
                                /** @description Epoch milliseconds */
                                endsAt?: number;
                                recurring?: {
                                    /** @description 0 = Sunday (UTC) */
                                    days: number[];
                                    from: string;
                                    to: string;
                                };
                                comment: string;
                                id: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        eventType?: string;
                        labels?: {
                            [key: string]: string;
                        };
                        /** @description Epoch milliseconds or an ISO 8601 time */
                        startsAt?: number | string;
                        /** @description Epoch milliseconds or an ISO 8601 time */
                        endsAt?: number | string;
                        recurring?: {
                            /** @description 0 = Sunday (UTC) */
                            days: number[];
                            from: string;
                            to: string;
                        };
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            eventType?: string;
                            labels: {
                                [key: string]: string;
                            };
                            /** @description Epoch milliseconds */
                            startsAt?: number;
                            /** @description Epoch milliseconds */
                            endsAt?: number;
                            recurring?: {
                                /** @description 0 = Sunday (UTC) */
                                days: number[];
                                from: string;
                                to: string;
                            };
                            comment: string;
                            id: string;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/silences/{silenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                    silenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    status?: "firing" | "resolved";
                };
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                dedupKey: string;
                                type: string;
                                /** @enum {unknown} */
                                status: "firing" | "resolved";
                                /** @enum {unknown} */
                                severity: "info" | "warning" | "critical";
                                group: string | null;
                                labels: {
                                    [key: string]: string;
                                };
                                firstSeenAt: number;
                                lastSeenAt: number;
                                lastNotifiedAt: number | null;
                                resolvedAt: number | null;
                                nextNotifyAt: number | null;
                                lastEventId: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description system or a tenant id */
                    scope?: string;
                    type?: string;
                    outcome?: "queued" | "suppressed" | "grouped";
                    since?: string;
                    until?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                scope: string;
                                type: string;
                                severity: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                outcome: "queued" | "suppressed" | "grouped";
                                reason: string | null;
                                createdAt: number;
                                /** @description Why the event, or a recipient, got no mail; template warnings */
                                notes: {
                                    kind: "suppressed" | "warning";
                                    /** @description e.g. event_disabled, opted_out, silenced, repeat_interval, template_failed, template_budget, template_busy */
                                    code: string;
                                    recipient: string | null;
                                    message: string;
                                }[];
                                /** @description the messages the event made */
                                messages: {
                                    id: string;
                                    recipient: string;
                                    state: string;
                                }[];
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description e.g. disk.threshold, service.failed */
                        type: string;
                        /** @description Omit for the system scope */
                        tenant?: string;
                        severity?: "info" | "warning" | "critical";
                        data?: {
                            [key: string]: unknown;
                        };
                        /** @description Explicit recipients; else the scope's admin recipients */
                        recipients?: string[];
                        idempotencyKey?: string;
                        /** @description The user the event concerns (id or email): the audience of `user` events */
                        user?: string;
                        /** @description Makes the event an alert, deduplicated per scope by this key */
                        dedupKey?: string;
                        /** @description An alert's state (default firing) */
                        status?: "firing" | "resolved";
                        /** @description Alerts of one group within the group window share a digest */
                        group?: string;
                        labels?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            eventId: string;
                            scope: string;
                            /** @description grouped: held for the group window's digest */
                            outcome: "queued" | "suppressed" | "grouped";
                            reason?: string;
                            messages: {
                                id: string;
                                recipient: string;
                                messageId: string;
                            }[];
                            replayed: boolean;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        events: {
                            /** @description e.g. disk.threshold, service.failed */
                            type: string;
                            /** @description Omit for the system scope */
                            tenant?: string;
                            severity?: "info" | "warning" | "critical";
                            data?: {
                                [key: string]: unknown;
                            };
                            /** @description Explicit recipients; else the scope's admin recipients */
                            recipients?: string[];
                            idempotencyKey?: string;
                            /** @description The user the event concerns (id or email): the audience of `user` events */
                            user?: string;
                            /** @description Makes the event an alert, deduplicated per scope by this key */
                            dedupKey?: string;
                            /** @description An alert's state (default firing) */
                            status?: "firing" | "resolved";
                            /** @description Alerts of one group within the group window share a digest */
                            group?: string;
                            labels?: {
                                [key: string]: string;
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                eventId: string;
                                scope: string;
                                /** @description grouped: held for the group window's digest */
                                outcome: "queued" | "suppressed" | "grouped";
                                reason?: string;
                                messages: {
                                    id: string;
                                    recipient: string;
                                    messageId: string;
                                }[];
                                replayed: boolean;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            scope: string;
                            type: string;
                            severity: string;
                            data: {
                                [key: string]: unknown;
                            };
                            outcome: "queued" | "suppressed" | "grouped";
                            reason: string | null;
                            createdAt: number;
                            /** @description Why the event, or a recipient, got no mail; template warnings */
                            notes: {
                                kind: "suppressed" | "warning";
                                /** @description e.g. event_disabled, opted_out, silenced, repeat_interval, template_failed, template_budget, template_busy */
                                code: string;
                                recipient: string | null;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/alertmanager": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: {
                    tenantId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        version: "4";
                        groupKey: string;
                        truncatedAlerts?: number;
                        status: "firing" | "resolved";
                        receiver: string;
                        groupLabels: {
                            [key: string]: string;
                        };
                        commonLabels: {
                            [key: string]: string;
                        };
                        commonAnnotations: {
                            [key: string]: string;
                        };
                        externalURL: string;
                        alerts: {
                            status: "firing" | "resolved";
                            labels: {
                                [key: string]: string;
                            };
                            annotations: {
                                [key: string]: string;
                            };
                            startsAt: string;
                            endsAt: string;
                            generatorURL: string;
                            fingerprint: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                eventId: string;
                                scope: string;
                                /** @description grouped: held for the group window's digest */
                                outcome: "queued" | "suppressed" | "grouped";
                                reason?: string;
                                messages: {
                                    id: string;
                                    recipient: string;
                                    messageId: string;
                                }[];
                                replayed: boolean;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description system or a tenant id */
                    scope?: string;
                    /** @description one or more states */
                    state?: ("queued" | "sending" | "sent" | "deferred" | "failed" | "held" | "cancelled")[];
                    recipient?: string;
                    event?: string;
                    /** @description the type of the event the message is for */
                    type?: string;
                    since?: string;
                    until?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                scope: string;
                                eventId: string;
                                recipient: string;
                                subject: string;
                                messageId: string;
                                /** @enum {unknown} */
                                state: "queued" | "sending" | "sent" | "deferred" | "failed" | "held" | "cancelled";
                                heldReason: string | null;
                                attempts: number;
                                ambiguousAttempts: number;
                                nextAttemptAt: string | null;
                                lastStage: string | null;
                                lastReplyCode: number | null;
                                lastReply: string | null;
                                createdAt: string;
                                updatedAt: string;
                                sentAt: string | null;
                                /** @description who cancelled it and why (state cancelled) */
                                cancelled: {
                                    by: string;
                                    reason: string;
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries/failures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description system or a tenant id */
                    scope?: string;
                    /** @description one or more states */
                    state?: ("queued" | "sending" | "sent" | "deferred" | "failed" | "held" | "cancelled")[];
                    recipient?: string;
                    event?: string;
                    /** @description the type of the event the message is for */
                    type?: string;
                    since?: string;
                    until?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                scope: string;
                                eventId: string;
                                recipient: string;
                                subject: string;
                                messageId: string;
                                /** @enum {unknown} */
                                state: "queued" | "sending" | "sent" | "deferred" | "failed" | "held" | "cancelled";
                                heldReason: string | null;
                                attempts: number;
                                ambiguousAttempts: number;
                                nextAttemptAt: string | null;
                                lastStage: string | null;
                                lastReplyCode: number | null;
                                lastReply: string | null;
                                createdAt: string;
                                updatedAt: string;
                                sentAt: string | null;
                                /** @description who cancelled it and why (state cancelled) */
                                cancelled: {
                                    by: string;
                                    reason: string;
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            scope: string;
                            eventId: string;
                            recipient: string;
                            subject: string;
                            messageId: string;
                            /** @enum {unknown} */
                            state: "queued" | "sending" | "sent" | "deferred" | "failed" | "held" | "cancelled";
                            heldReason: string | null;
                            attempts: number;
                            ambiguousAttempts: number;
                            nextAttemptAt: string | null;
                            lastStage: string | null;
                            lastReplyCode: number | null;
                            lastReply: string | null;
                            createdAt: string;
                            updatedAt: string;
                            sentAt: string | null;
                            /** @description who cancelled it and why (state cancelled) */
                            cancelled: {
                                by: string;
                                reason: string;
                            } | null;
                        } & {
                            text: string;
                            html: string | null;
                            attemptHistory: {
                                number: number;
                                startedAt: string;
                                durationMs: number;
                                outcome: string;
                                stage: string;
                                replyCode: number | null;
                                reply: string | null;
                                errorCode: string | null;
                                settingsScope: string | null;
                                settingsVersion: number | null;
                                node: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            scope: string;
                            eventId: string;
                            recipient: string;
                            subject: string;
                            messageId: string;
                            /** @enum {unknown} */
                            state: "queued" | "sending" | "sent" | "deferred" | "failed" | "held" | "cancelled";
                            heldReason: string | null;
                            attempts: number;
                            ambiguousAttempts: number;
                            nextAttemptAt: string | null;
                            lastStage: string | null;
                            lastReplyCode: number | null;
                            lastReply: string | null;
                            createdAt: string;
                            updatedAt: string;
                            sentAt: string | null;
                            /** @description who cancelled it and why (state cancelled) */
                            cancelled: {
                                by: string;
                                reason: string;
                            } | null;
                        } & {
                            text: string;
                            html: string | null;
                            attemptHistory: {
                                number: number;
                                startedAt: string;
                                durationMs: number;
                                outcome: string;
                                stage: string;
                                replyCode: number | null;
                                reply: string | null;
                                errorCode: string | null;
                                settingsScope: string | null;
                                settingsVersion: number | null;
                                node: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mailbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    scope?: string;
                    to?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                scope: string;
                                to: string;
                                from: string;
                                subject: string;
                                messageId: string;
                                receivedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mailbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            scope: string;
                            to: string;
                            from: string;
                            subject: string;
                            messageId: string;
                            receivedAt: string;
                        } & {
                            text: string;
                            html: string | null;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            generatedAt: string;
                            scopes: {
                                scope: string;
                                name: string;
                                /**
                                 * @description where the scope's effective mail server comes from
                                 * @enum {unknown}
                                 */
                                source: "own" | "system" | "none";
                                provider: string | null;
                                /**
                                 * @description held: no usable mail server; failing: the last attempt failed
                                 * @enum {unknown}
                                 */
                                status: "working" | "failing" | "held" | "untested";
                                statusReason: string;
                                /** Format: date-time */
                                lastSuccessAt: string | null;
                                lastFailure: {
                                    /** Format: date-time */
                                    at: string;
                                    stage: string;
                                    replyCode: number | null;
                                    reply: string | null;
                                } | null;
                                /** @description queued, sending and deferred messages */
                                queueDepth: number;
                                held: {
                                    count: number;
                                    reasons: {
                                        reason: string;
                                        count: number;
                                    }[];
                                };
                                /** @description set while an operator has paused the scope's sending: its mail stays queued */
                                paused: {
                                    /** Format: date-time */
                                    at: string;
                                    by: string;
                                    reason: string | null;
                                } | null;
                                /** @description 24 hourly buckets, oldest first */
                                last24h: {
                                    /** Format: date-time */
                                    hour: string;
                                    sent: number;
                                    failed: number;
                                }[];
                                /** @description how many admin recipients the scope has: with none, events for administrators reach nobody */
                                adminRecipients: number;
                                /** @description what became of the scope's events in the last 24 hours */
                                events24h: {
                                    queued: number;
                                    grouped: number;
                                    /** @description by reason code: no_recipients, event_disabled, silenced, repeat_interval… */
                                    suppressed: {
                                        [key: string]: number;
                                    };
                                };
                            }[];
                            nextCursor: string | null;
                            /** @description every scope whose own mail server still uses a password at Microsoft 365 or Gmail (a tenant's caller: its own only); on the first page only */
                            passwordAuthRetiring: {
                                scope: string;
                                /** @description System, or the tenant name */
                                name: string;
                                /** @description microsoft365 or gmail */
                                provider: string;
                                /**
                                 * Format: date-time
                                 * @description since when the scope's own mail server signs in with a password there
                                 */
                                since: string;
                                /**
                                 * Format: date
                                 * @description the day the provider stops (Google: stopped) accepting basic authentication
                                 */
                                basicAuthEnds: string;
                                /** @description the OAuth2 connection modes to move to */
                                moveTo: string[];
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            generatedAt: string;
                            /** @description age since a message entered the queue: 0-5m, 5-30m, 30m-2h, 2h-12h, 12h+ */
                            ageBuckets: string[];
                            /** @description the system scope, paused scopes and scopes with waiting mail (a tenant's caller: its own) */
                            scopes: {
                                scope: string;
                                name: string;
                                paused: {
                                    /** Format: date-time */
                                    at: string;
                                    by: string;
                                    reason: string | null;
                                } | null;
                                shape: {
                                    /** @enum {unknown} */
                                    state: "queued" | "sending" | "deferred" | "held";
                                    total: number;
                                    /** @description counts per age bucket, in the order of ageBuckets */
                                    byAge: number[];
                                }[];
                                /** @description the oldest deferred or held message, with its last reply and what to do about it */
                                oldest: {
                                    id: string;
                                    /** @enum {unknown} */
                                    state: "deferred" | "held";
                                    /** Format: date-time */
                                    queuedAt: string;
                                    ageMs: number;
                                    attempts: number;
                                    heldReason: string | null;
                                    lastStage: string | null;
                                    lastReplyCode: number | null;
                                    lastReply: string | null;
                                    hint: string | null;
                                } | null;
                                held: {
                                    reason: string;
                                    count: number;
                                }[];
                                /** @description mailboxes of this scope's own server that reached their daily cap (dailyLimit; Gmail: 2,000) today: their waiting mail is deferred to resumesAt, the next UTC day, with no attempt spent */
                                dailyLimitReached: {
                                    mailbox: string;
                                    sent: number;
                                    limit: number;
                                    /** Format: date-time */
                                    resumesAt: string;
                                }[];
                                /** Format: date-time */
                                lastSuccessAt: string | null;
                                lastFailure: {
                                    /** Format: date-time */
                                    at: string;
                                    stage: string;
                                    replyCode: number | null;
                                    reply: string | null;
                                    hint: string | null;
                                } | null;
                            }[];
                            /** @description the cluster's nodes (empty for a tenant's caller) */
                            nodes: {
                                id: string;
                                role: string;
                                hostname: string;
                                pid: number;
                                version: string;
                                /** @enum {unknown} */
                                state: "alive" | "stopped" | "lost";
                                startedAt: string;
                                heartbeatAt: string;
                                inFlight: number;
                                sent: number;
                                failed: number;
                            }[];
                            database: {
                                /** @enum {unknown} */
                                dialect: "sqlite" | "postgres";
                                /** @description 0 for a tenant's caller */
                                sizeBytes: number;
                            };
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/queue/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description default deferred (made due now, like postqueue -f); failed and held ones are queued again */
                        states?: ("deferred" | "failed" | "held")[];
                        /**
                         * @description only messages queued at least this long ago: 30m, 2h, 1d
                         * @example 2h
                         */
                        olderThan?: string;
                        recipient?: string;
                        /** @description the type of the event the message is for */
                        type?: string;
                        /** @description one message (its id in the delivery history) */
                        messageId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: string;
                            /** @description how many messages the command changed */
                            count: number;
                            /** @description the filter the command used, defaults filled in */
                            filter: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/queue/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description default all three; a message being sent is never cancelled */
                        states?: ("queued" | "deferred" | "held")[];
                        /**
                         * @description only messages queued at least this long ago: 30m, 2h, 1d
                         * @example 2h
                         */
                        olderThan?: string;
                        recipient?: string;
                        /** @description the type of the event the message is for */
                        type?: string;
                        /** @description one message (its id in the delivery history) */
                        messageId?: string;
                        /** @description why the messages are cancelled (kept on each message) */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: string;
                            /** @description how many messages the command changed */
                            count: number;
                            /** @description the filter the command used, defaults filled in */
                            filter: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/queue/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: string;
                            paused: {
                                /** Format: date-time */
                                at: string;
                                by: string;
                                reason: string | null;
                            } | null;
                            /** @description false when the scope already was in that state */
                            changed: boolean;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/queue/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: string;
                            paused: {
                                /** Format: date-time */
                                at: string;
                                by: string;
                                reason: string | null;
                            } | null;
                            /** @description false when the scope already was in that state */
                            changed: boolean;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/queue/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description default deferred (made due now, like postqueue -f); failed and held ones are queued again */
                        states?: ("deferred" | "failed" | "held")[];
                        /**
                         * @description only messages queued at least this long ago: 30m, 2h, 1d
                         * @example 2h
                         */
                        olderThan?: string;
                        recipient?: string;
                        /** @description the type of the event the message is for */
                        type?: string;
                        /** @description one message (its id in the delivery history) */
                        messageId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: string;
                            /** @description how many messages the command changed */
                            count: number;
                            /** @description the filter the command used, defaults filled in */
                            filter: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/queue/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description default all three; a message being sent is never cancelled */
                        states?: ("queued" | "deferred" | "held")[];
                        /**
                         * @description only messages queued at least this long ago: 30m, 2h, 1d
                         * @example 2h
                         */
                        olderThan?: string;
                        recipient?: string;
                        /** @description the type of the event the message is for */
                        type?: string;
                        /** @description one message (its id in the delivery history) */
                        messageId?: string;
                        /** @description why the messages are cancelled (kept on each message) */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: string;
                            /** @description how many messages the command changed */
                            count: number;
                            /** @description the filter the command used, defaults filled in */
                            filter: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/queue/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: string;
                            paused: {
                                /** Format: date-time */
                                at: string;
                                by: string;
                                reason: string | null;
                            } | null;
                            /** @description false when the scope already was in that state */
                            changed: boolean;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/queue/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: string;
                            paused: {
                                /** Format: date-time */
                                at: string;
                                by: string;
                                reason: string | null;
                            } | null;
                            /** @description false when the scope already was in that state */
                            changed: boolean;
                        };
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Every error: a stable code, a message, and the fields that broke a rule. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Every error: a stable code, a message, and the fields that broke a rule. */
        ErrorBody: {
            error: {
                code: string;
                message: string;
                details: {
                    field: string;
                    rule: string;
                    message: string;
                }[];
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
