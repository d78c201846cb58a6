"""LeadSim: a leadership decision-making simulation game for training workshops."""

__version__ = "0.1.0"
