package io.berth.distribution.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RoleTableTest {

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @CsvSource({
            "GET,     /api/v1/bundles,                       VIEWER",
            "GET,     /api/v1/providers,                     VIEWER",
            "HEAD,    /api/v1/clusters,                      VIEWER",
            "GET,     /api/v1/audit,                         ADMIN",
            "GET,     /api/v1/audit/42,                      ADMIN",
            "POST,    /api/v1/checks,                        VIEWER",
            "POST,    /api/v1/bundles,                       ADMIN",
            "DELETE,  /api/v1/bundles/io.berth.fleet,        ADMIN",
            "POST,    /api/v1/deployments/analytics/apply,   OPERATOR",
            "POST,    /api/v1/clusters,                      OPERATOR",
            "DELETE,  /api/v1/clusters/c-1,                  OPERATOR",
            "POST,    /api/v1/reaper,                        OPERATOR",
            "POST,    /api/v1/somethingnew,                  ADMIN",
            "PUT,     /api/v1/checks,                        ADMIN",
            "POST,    /api/v1/auditing,                      ADMIN",
            "POST,    /api/v1/bundlesextra,                  ADMIN",
            "POST,    /api/v1/clustersextra,                 ADMIN",
            "GET,     /anything/else,                        VIEWER"})
    void requiredRole(String method, String path, Role expected) {
        assertEquals(expected, RoleTable.requiredRole(method, path));
    }

    @Test
    void onlyReadMethodsAreNotMutating() {
        assertFalse(RoleTable.isMutating("GET"));
        assertFalse(RoleTable.isMutating("HEAD"));
        assertFalse(RoleTable.isMutating("OPTIONS"));
        assertTrue(RoleTable.isMutating("POST"));
        assertTrue(RoleTable.isMutating("PUT"));
        assertTrue(RoleTable.isMutating("PATCH"));
        assertTrue(RoleTable.isMutating("DELETE"));
    }

    @Test
    void higherRolesIncludeLowerOnes() {
        assertTrue(Role.ADMIN.includes(Role.OPERATOR));
        assertTrue(Role.OPERATOR.includes(Role.VIEWER));
        assertTrue(Role.VIEWER.includes(Role.VIEWER));
        assertFalse(Role.VIEWER.includes(Role.OPERATOR));
        assertFalse(Role.OPERATOR.includes(Role.ADMIN));
    }
}
