package dev.safespeak.golive.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Comments on items. */
public interface CommentRepository extends JpaRepository<CommentEntity, Long> {

    List<CommentEntity> findByItemIdOrderByIdAsc(Long itemId);
}
