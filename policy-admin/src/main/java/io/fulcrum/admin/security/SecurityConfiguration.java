package io.fulcrum.admin.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** The roles the service knows; which role may call what is declared with {@code @RolesAllowed}. */
@ApplicationScoped
@DeclareRoles({Roles.DECIDER, Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER})
public class SecurityConfiguration {}
