package dev.safespeak.security.internal;

import dev.safespeak.security.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stores user accounts. */
public interface UserRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    List<UserAccount> findAllByOrderByUsernameAsc();

    @Query("select count(distinct u) from UserAccount u join u.roles r where r = :role and u.enabled = true")
    long countEnabledWithRole(Role role);

    @Query("select distinct u from UserAccount u join u.roles r where r = :role order by u.username")
    List<UserAccount> findAllWithRole(Role role);
}
