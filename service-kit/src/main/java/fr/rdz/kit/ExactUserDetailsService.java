package fr.rdz.kit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import reactor.core.publisher.Mono;

/**
 * The configured operators, looked up by their exact name: {@code Admin} is not {@code admin}
 * (Spring's {@code MapReactiveUserDetailsService} lower-cases names). A copy of the account is
 * handed out, so that erasing the credentials of an authentication never touches the stored one.
 */
public final class ExactUserDetailsService implements ReactiveUserDetailsService {

    private final Map<String, UserDetails> users = new LinkedHashMap<>();

    public ExactUserDetailsService(Collection<UserDetails> users) {
        for (UserDetails user : users) {
            if (this.users.putIfAbsent(user.getUsername(), user) != null) {
                throw new IllegalStateException("Two rdz.security users are named " + user.getUsername());
            }
        }
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        UserDetails user = username == null ? null : users.get(username);
        return user == null
                ? Mono.empty()
                : Mono.just(User.withUserDetails(user).build());
    }
}
