package fr.rdz.kit;

import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The operator accounts of {@code rdz.security}, for an application that builds its own security chain (the console). */
public final class RdzUsers {

    private RdzUsers() {}

    public static ReactiveUserDetailsService of(RdzSecurityProperties properties, PasswordEncoder encoder) {
        return RdzSecurity.users(properties, encoder);
    }

    /** The operator an authentication stands for: role and entity scope from its authorities. */
    public static Operator operator(org.springframework.security.core.Authentication authentication) {
        return RdzSecurity.toOperator(authentication.getName(), authentication.getAuthorities());
    }
}
