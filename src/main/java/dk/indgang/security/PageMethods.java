package dk.indgang.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter every page request meets, before Spring Security (which Vaadin's configuration
 * skips for some paths, the login page among them): it sets the page header set on every response
 * — CSP, nosniff, Referrer-Policy, frame denial, and HSTS on https (docs/security.md) — and answers
 * methods a page does not have (anything but GET, HEAD, POST and OPTIONS) with 405 and {@code Allow},
 * not with a redirect to the login page as if they were page views.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageMethods extends OncePerRequestFilter {

    private static final Set<String> PAGE_METHODS = Set.of("GET", "HEAD", "POST", "OPTIONS");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/v3/api-docs");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", SecurityConfiguration.CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (!PAGE_METHODS.contains(request.getMethod()) && !path.startsWith("/actuator/")) {
            // Answered here, not through the error page (which the security chain would turn into a
            // redirect to the login).
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader("Allow", "GET, HEAD, POST");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("405 Method Not Allowed");
            return;
        }
        chain.doFilter(request, response);
    }
}
