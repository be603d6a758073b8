"""Reading quantities: digits or number words, scale, unit, qualifier (:func:`.reader.find_quantities`).

Why apart from attribution: a quantity ("نحو ٥٠ ألف بائع", "$19.5bn", "أربعة أضعاف") can be read
without knowing what it is about; attribution then decides whether it is a signal. Every regex here
is anchored or bounded, so the work is linear in the sentence length.
"""
