namespace Energy.Domain.Tests.Support;

/// <summary>Given events, when a command, then events (or a refusal): the shape of every decider test.</summary>
public sealed class Decider<TState, TCommand>(TState initial, Func<TState, object, TState> evolve, Func<TCommand, TState, IReadOnlyList<object>> decide)
{
    public GivenState Given(params object[] events) => new(decide, events.Aggregate(initial, evolve));

    public sealed class GivenState(Func<TCommand, TState, IReadOnlyList<object>> decide, TState state)
    {
        public IReadOnlyList<object> When(TCommand command) => decide(command, state);

        public DomainRuleException Refuses(TCommand command) => Should.Throw<DomainRuleException>(() => decide(command, state));
    }
}
