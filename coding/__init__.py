"""The Qt-free domain: codebook, coding, retrieval, statistics, Dutch NLP, pseudonymisation."""
