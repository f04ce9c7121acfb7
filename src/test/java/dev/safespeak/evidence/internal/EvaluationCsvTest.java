package dev.safespeak.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.evidence.LabelledText;
import dev.safespeak.moderation.Attribute;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationCsvTest {

    @Test
    void reads_texts_and_labels_with_quoted_fields() throws Exception {
        List<LabelledText> set = EvaluationCsv.read(new StringReader(
                "text,TOXICITY,insult,source\n\"hello, \"\"friend\"\"\",0,0,x\r\nyou idiot,1,true,y\n"));
        assertThat(set).hasSize(2);
        assertThat(set.get(0).text()).isEqualTo("hello, \"friend\"");
        assertThat(set.get(0).labels()).containsEntry(Attribute.TOXICITY, false).containsEntry(Attribute.INSULT, false);
        assertThat(set.get(1).labels()).containsEntry(Attribute.INSULT, true);
    }

    @Test
    void a_blank_label_is_left_out() throws Exception {
        List<LabelledText> set = EvaluationCsv.read(new StringReader("text,TOXICITY,INSULT\nhi,0,\n"));
        assertThat(set.get(0).labels()).containsOnlyKeys(Attribute.TOXICITY);
    }

    @Test
    void malformed_sets_are_refused_naming_the_line() {
        assertThatThrownBy(() -> EvaluationCsv.read(new StringReader("")))
                .hasMessage("the evaluation set is empty");
        assertThatThrownBy(() -> EvaluationCsv.read(new StringReader("comment,TOXICITY\nx,1\n")))
                .hasMessage("line 1: the header has no 'text' column");
        assertThatThrownBy(() -> EvaluationCsv.read(new StringReader("text,label\nx,1\n")))
                .hasMessage("line 1: the header names no attribute column (for example TOXICITY)");
        assertThatThrownBy(() -> EvaluationCsv.read(new StringReader("text,TOXICITY\nx,maybe\n")))
                .hasMessage("line 2: label 'maybe' for TOXICITY is not 1/0 or true/false");
        assertThatThrownBy(() -> EvaluationCsv.read(new StringReader("text,TOXICITY\n,1\n")))
                .hasMessage("line 2: the text is empty");
        assertThatThrownBy(() -> EvaluationCsv.read(new StringReader("text,TOXICITY\n\"open,1\n")))
                .hasMessage("line 2: a quoted field is not closed");
        assertThatThrownBy(() -> EvaluationCsv.read(new StringReader("text,TOXICITY\n")))
                .hasMessage("the evaluation set has a header but no texts");
    }
}
