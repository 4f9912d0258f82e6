package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher records its class-data archive from these questions: each must run as a user's would (a renamed option would leave the archive half-trained). */
class ArchiveTrainingTest {

    @Test
    void everyTrainingQuestionIsAnsweredAndTheMistakeIsRefused() {
        List<Integer> expected = new ArrayList<>(Collections.nCopies(ArchiveTraining.QUESTIONS.size(), 0));
        expected.set(ArchiveTraining.QUESTIONS.size() - 2, 2);
        assertThat(ArchiveTraining.QUESTIONS.get(ArchiveTraining.QUESTIONS.size() - 2)).contains("not-a-date");
        assertThat(ArchiveTraining.run()).isEqualTo(expected);
    }
}
