package io.handoff.events.access;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRolesTest {

    private static final RoleGroups NAMES = RoleGroups.defaults();

    @Test
    void anAgentServesAndReadsItsChatbotsButAdministersNone() {
        TokenRoles agent = TokenRoles.of(Set.of("handoff-agent"), List.of("demo-bot"), NAMES);

        assertThat(agent.serves("demo-bot")).isTrue();
        assertThat(agent.mayRead("demo-bot")).isTrue();
        assertThat(agent.administers("demo-bot")).isFalse();
        assertThat(agent.serves("other-bot")).isFalse();
        assertThat(agent.isGlobalAdmin()).isFalse();
    }

    @Test
    void aChatbotAdminAdministersItsChatbotsButIsNoAgentOfThem() {
        TokenRoles admin = TokenRoles.of(Set.of("handoff-chatbot-admin"), "demo-bot", NAMES);

        assertThat(admin.administers("demo-bot")).isTrue();
        assertThat(admin.mayRead("demo-bot")).isTrue();
        assertThat(admin.serves("demo-bot")).isFalse();
        assertThat(admin.administers("other-bot")).isFalse();
        assertThat(admin.servedChatbots()).isEmpty();
    }

    @Test
    void theGlobalAdminDoesEverythingForEveryChatbot() {
        TokenRoles admin = TokenRoles.of(Set.of("handoff-admin"), null, NAMES);

        assertThat(admin.isGlobalAdmin()).isTrue();
        assertThat(admin.administers("any-bot")).isTrue();
        assertThat(admin.serves("any-bot")).isTrue();
    }

    @Test
    void beingListedForAChatbotWithoutARoleGivesNothing() {
        TokenRoles listedOnly = TokenRoles.of(Set.of(), List.of("demo-bot"), NAMES);

        assertThat(listedOnly.hasAnyRole()).isFalse();
        assertThat(listedOnly.mayRead("demo-bot")).isFalse();
        assertThat(TokenRoles.of(null, List.of("demo-bot"), NAMES).mayRead("demo-bot")).isFalse();
    }

    @Test
    void groupNamesComeFromTheDeployment() {
        RoleGroups names = new RoleGroups("ops", "bot-owners", "support");

        assertThat(TokenRoles.of(Set.of("support"), List.of("b"), names).serves("b")).isTrue();
        assertThat(TokenRoles.of(Set.of("handoff-agent"), List.of("b"), names).serves("b")).isFalse();
    }

    @Test
    void blankAndNonTextIdsInTheClaimAreIgnored() {
        TokenRoles agent = TokenRoles.of(Set.of("handoff-agent"), List.of("", "  ", "demo-bot"), NAMES);

        assertThat(agent.servedChatbots()).containsExactly("demo-bot");
        assertThat(TokenRoles.of(Set.of("handoff-agent"), 42, NAMES).servedChatbots()).isEmpty();
    }
}
