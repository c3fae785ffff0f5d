package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabeledRowsTest {

  @Test
  void csvWithQuotedCommasAndTheCategoryColumn() throws Exception {
    LabeledRows.Read read = LabeledRows.read("text,category\n\"Hi, my card is late\",card_arrival\nrefund?,refund\n",
        LabeledRows.Format.CSV, null, null);

    assertThat(read.labelColumn()).isEqualTo("category");
    assertThat(read.rows()).containsExactly(new ClassifierTrainer.Row("Hi, my card is late", "card_arrival"),
        new ClassifierTrainer.Row("refund?", "refund"));
  }

  @Test
  void tsvAndNamedColumns() throws Exception {
    LabeledRows.Read read = LabeledRows.read("body\tteam\tid\nwhere is it\tshipping\t1\n",
        LabeledRows.Format.TSV, "body", "team");

    assertThat(read.rows()).containsExactly(new ClassifierTrainer.Row("where is it", "shipping"));
  }

  @Test
  void jsonlPicksTheIntentField() throws Exception {
    LabeledRows.Read read = LabeledRows.read("{\"text\":\"cancel my order\",\"intent\":\"cancel_order\"}\n\n",
        LabeledRows.Format.JSONL, null, null);

    assertThat(read.labelColumn()).isEqualTo("intent");
    assertThat(read.rows()).containsExactly(new ClassifierTrainer.Row("cancel my order", "cancel_order"));
  }

  @Test
  void missingColumnsAndBadLinesSayWhatIsWrong() {
    assertThatThrownBy(() -> LabeledRows.read("body,category\nx,y\n", LabeledRows.Format.CSV, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no text column 'text'");
    assertThatThrownBy(() -> LabeledRows.read("text,notes\nx,y\n", LabeledRows.Format.CSV, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no label column");
    assertThatThrownBy(() -> LabeledRows.read("{\"text\":1}\n", LabeledRows.Format.JSONL, null, "label"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
    assertThatThrownBy(() -> LabeledRows.read("not json\n", LabeledRows.Format.JSONL, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1 is not JSON");
  }
}
