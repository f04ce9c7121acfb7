package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PoolingTest {

    /** Three tokens of width 2, then a padding row that no part may read. */
    private static final float[][] HIDDEN = {{1, -4}, {3, 2}, {-1, 5}, {100, 100}};

    @Test
    void each_part_reads_only_the_text_s_own_tokens() {
        assertThat(OnnxTextModel.pool(HIDDEN, 3, Pooling.CLS_MEAN_MAX))
                .containsExactly(1, -4, 1, 1, 3, 5);
        assertThat(OnnxTextModel.pool(HIDDEN, 3, Pooling.CLS_MAX)).containsExactly(1, -4, 3, 5);
        assertThat(OnnxTextModel.pool(HIDDEN, 3, Pooling.CLS_MEAN)).containsExactly(1, -4, 1, 1);
        assertThat(OnnxTextModel.pool(HIDDEN, 1, Pooling.CLS_MAX)).as("one token: its maximum is itself")
                .containsExactly(1, -4, 1, -4);
    }

    @Test
    void a_pooling_takes_its_parts_of_a_cls_mean_max_vector_in_its_own_order() {
        float[] all = {1, 2, 3, 4, 5, 6};
        assertThat(Pooling.CLS.of(all)).containsExactly(1, 2);
        assertThat(Pooling.CLS_MEAN.of(all)).containsExactly(1, 2, 3, 4);
        assertThat(Pooling.CLS_MAX.of(all)).containsExactly(1, 2, 5, 6);
        assertThat(Pooling.CLS_MEAN_MAX.of(all)).containsExactly(all);
    }

    @Test
    void a_vector_that_is_not_three_parts_is_refused() {
        assertThatThrownBy(() -> Pooling.CLS_MAX.of(new float[] {1, 2, 3, 4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a cls+mean+max vector's length is a multiple of 3, got 4");
    }

    @Test
    void poolings_are_read_by_their_keys_and_absent_is_cls() {
        for (Pooling p : Pooling.values()) {
            assertThat(Pooling.parse(p.key())).isEqualTo(p);
        }
        assertThat(Pooling.parse(null)).isEqualTo(Pooling.CLS);
        assertThat(Pooling.parse(" ")).isEqualTo(Pooling.CLS);
        assertThatThrownBy(() -> Pooling.parse("max"))
                .hasMessage("pooling is max, expected cls, cls+mean, cls+max or cls+mean+max");
    }
}
