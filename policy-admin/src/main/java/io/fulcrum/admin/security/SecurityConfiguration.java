package io.fulcrum.admin.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * HTTP Basic authentication (use TLS in front of the service outside this machine). Which role
 * may call what is declared on the REST resources with {@code @RolesAllowed}.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "fulcrum")
@DeclareRoles({Roles.DECIDER, Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER})
public class SecurityConfiguration {}
