/**
 * Who may do what: users with BCrypt password hashes, the release roles of the deployment
 * checklist's sign-off section plus ADMIN and VIEWER, the login view and the user administration.
 */
package dev.safespeak.security;
