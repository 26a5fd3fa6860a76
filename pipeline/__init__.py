"""Audio and protocol code: Twilio Media Streams, VAD, streaming STT, TTS."""
