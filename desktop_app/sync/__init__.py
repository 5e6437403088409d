"""Reporting to the upper level without a network: the sync files (bundle, enrolment) and
their cryptography. Sits beside services; uses store and domain, never Qt."""
