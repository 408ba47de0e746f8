"""Evaluation against gold data: attributions (PolNeAR layout), events (PLOVER GSR)."""
