package dev.safespeak.modelregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EvaluationTablesTest {

    @Test
    void a_section_of_objects_gets_a_column_per_metric() {
        EvaluationTables tables = EvaluationTables.parse("""
                {"testByAttribute": {"TOXICITY": {"macroF1": 0.79, "n": 55337}, "THREAT": {"macroF1": 0.6}}}""");
        EvaluationTables.Table table = tables.tables().get(0);
        assertThat(table.key()).isEqualTo("testByAttribute");
        assertThat(table.columns()).containsExactly("macroF1", "n");
        assertThat(table.rows().get(0).name()).isEqualTo("TOXICITY");
        assertThat(table.rows().get(0).values()).containsExactly(0.79, 55337);
        assertThat(table.rows().get(1).values()).containsExactly(0.6, null);
    }

    @Test
    void a_section_of_numbers_gets_one_value_column_and_top_level_numbers_a_summary() {
        EvaluationTables tables = EvaluationTables.parse("""
                {"accuracy": 0.91, "passRate": {"hate": 0.26, "insult": 0.64}}""");
        assertThat(tables.tables()).extracting(EvaluationTables.Table::key).containsExactly("", "passRate");
        assertThat(tables.tables().get(0).rows().get(0).values()).containsExactly(0.91);
        EvaluationTables.Table rates = tables.tables().get(1);
        assertThat(rates.columns()).containsExactly(EvaluationTables.VALUE);
        assertThat(rates.rows()).extracting(EvaluationTables.Row::name).containsExactly("hate", "insult");
    }

    @Test
    void no_json_gives_no_tables() {
        for (String notJson : Arrays.asList(null, "", "   ", "{not json", "[1, 2]", "42")) {
            assertThat(EvaluationTables.parse(notJson).isEmpty()).as(String.valueOf(notJson)).isTrue();
        }
    }
}
