"""Voice latency benchmark: ours vs the stock pipecat reference, driven by the Twilio-faithful caller."""
