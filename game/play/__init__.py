"""One game run, shared by both front ends."""
